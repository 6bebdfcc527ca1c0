import { PutCommand } from "@aws-sdk/lib-dynamodb";
import type { UserActor } from "@linkwork/core/actor";
import { allocateReferral } from "@linkwork/core/allocation/allocate";
import type { Context } from "@linkwork/core/context";
import { connect } from "@linkwork/core/db/client";
import { createDatabase } from "@linkwork/core/db/database";
import { transactWrite } from "@linkwork/core/db/transact";
import type { Command } from "@linkwork/core/referral/domain/lifecycle";
import { rewriteReferralKeys } from "@linkwork/core/referral/migrate-keys";
import { receiveReferral } from "@linkwork/core/referral/receive";
import { ReferralCreate, SelfReferralCreate } from "@linkwork/core/referral/schema";
import { selfRefer } from "@linkwork/core/referral/self-refer";
import { sweepServiceLevels } from "@linkwork/core/referral/sweep";
import { transitionReferral } from "@linkwork/core/referral/transition";
import { referralUpdate } from "@linkwork/core/referral/write";
import { beforeEach, describe, expect, it } from "vitest";
import { aReferral } from "../support/builders";
import { createTestContext } from "../support/database";
import { seedStaff, team } from "../support/world";

let setup: Awaited<ReturnType<typeof createTestContext>>;
const as = (person: Omit<UserActor, "type">): UserActor => ({ type: "user", ...person });
const coordinator = as(team.coordinator);
const triage: Command = {
  type: "triage",
  priority: "routine",
  supportLevel: "supported_connection",
  needs: ["loneliness_isolation"],
  riskFlags: [],
};

beforeEach(async () => {
  // Monday 23 November 2026, 09:00 in England: triage is due two working days later.
  setup = await createTestContext("2026-11-23T09:00:00.000Z");
  await seedStaff(setup.context);
});

async function received() {
  const input = ReferralCreate.parse(aReferral());
  return (await receiveReferral(setup.context, as(team.gp), input)).referral;
}

/** A second connection to the same table whose first transaction waits for `before` to run. */
function interleaved(before: () => Promise<unknown>): Context {
  const db = createDatabase(connect({ tableName: setup.tableName, endpoint: setup.endpoint }));
  let fired = false;
  db.client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === "TransactWriteItemsCommand" && !fired) {
        fired = true;
        await before();
      }
      return next(args);
    },
    { step: "initialize", name: "interleave" },
  );
  return { db, clock: setup.clock };
}

/** The item as stored, with its index keys. */
async function stored(referralId: string) {
  const raw = await setup.db.entities.referral.get({ referralId }).go({ data: "raw", consistent: true });
  return (raw.data as unknown as { Item: Record<string, unknown> }).Item;
}

async function eventTypes(referralId: string) {
  const outbox = await setup.db.entities.outbox.scan.go({ pages: "all" });
  return outbox.data.filter((item) => item.subject.id === referralId).map((item) => item.type);
}

describe("a referral written by a transition and the service-level sweep at once", () => {
  it("keeps the breach the sweep recorded after a transition read the referral", async () => {
    const referral = await received();
    setup.clock.set("2026-11-26T10:00:00.000Z");
    // The coordinator's triage reads the referral; the sweep records the missed triage before it commits.
    const coordinatorSide = interleaved(() => sweepServiceLevels(setup.context));

    const triaged = await transitionReferral(coordinatorSide, coordinator, referral.id, 1, triage);

    expect(triaged.status).toBe("triaged");
    const item = await stored(referral.id);
    expect(item.breaches).toEqual(["triage"]);
    expect(item.status).toBe("triaged");
    expect(item.version).toBe(2);
    expect(await eventTypes(referral.id)).toEqual(
      expect.arrayContaining(["referral.triage_overdue", "referral.triaged"]),
    );
  });

  it("has the sweep stand down when a transition commits between its read and its write", async () => {
    const referral = await received();
    setup.clock.set("2026-11-26T10:00:00.000Z");
    const sweepSide = interleaved(() =>
      transitionReferral(setup.context, coordinator, referral.id, 1, triage),
    );

    const swept = await sweepServiceLevels(sweepSide);

    expect(swept.breached).toEqual([]);
    const item = await stored(referral.id);
    expect(item).toMatchObject({ status: "triaged", version: 2, priority: "routine", breaches: [] });
    expect(await eventTypes(referral.id)).not.toContain("referral.triage_overdue");
  });

  it("writes only the fields a transition changes, leaving others as the table has them", async () => {
    const referral = await received();
    // Another writer sets a field the triage does not own after the triage has read the referral.
    const coordinatorSide = interleaved(async () => {
      const current = (await setup.db.entities.referral.get({ referralId: referral.id }).go()).data;
      if (!current) throw new Error("The referral is missing");
      const next = { ...current, assignedToName: "written elsewhere" };
      await transactWrite(setup.context, [referralUpdate(setup.context, current, next, {})]);
    });

    await transitionReferral(coordinatorSide, coordinator, referral.id, 1, triage);

    expect(await stored(referral.id)).toMatchObject({
      status: "triaged",
      assignedToName: "written elsewhere",
    });
  });
});

describe("the referral table at scale", () => {
  it("partitions the received-order index by area and month", async () => {
    const referral = await received();
    const item = await stored(referral.id);
    expect(item.areaId).toBe("default");
    expect(item.gsi5pk).toBe("$linkwork#areaid_default#receivedmonth_2026-11");
    expect(item.gsi1pk).toBe("$linkwork#areaid_default#status_received");
    expect(item.gsi6pk).toBe("$linkwork#areaid_default#sweepstate_due");
  });

  it("keeps a referral out of the organisation, referrer and assignee indexes until it has one", async () => {
    const { person, reason, needs, consent } = aReferral();
    const { reference } = await selfRefer(
      setup.context,
      SelfReferralCreate.parse({ person: { ...person, email: "ada@example.com" }, reason, needs, consent }),
      { sourceIp: "192.0.2.1" },
    );
    const self = (await setup.db.entities.referral.scan.where((a, { eq }) => eq(a.reference, reference)).go())
      .data[0];
    const item = await stored(self?.referralId ?? "");
    expect(item.source).toBe("self");
    for (const key of ["gsi2pk", "gsi2sk", "gsi3pk", "gsi3sk", "gsi4pk", "gsi4sk"])
      expect(item[key]).toBeUndefined();

    const gpReferral = await received();
    expect((await stored(gpReferral.id)).gsi3pk).toBe(`$linkwork#referrerkey_${team.gp.userId}`);
  });

  it("takes a declined allocation out of the organisation's index, and a finished referral out of the queue and sweep indexes", async () => {
    const referral = await received();
    const triaged = await transitionReferral(setup.context, coordinator, referral.id, 1, triage);
    const allocated = await allocateReferral(setup.context, coordinator, referral.id, {
      version: triaged.version,
      organisationId: team.vcsManager.organisationId,
    });
    expect((await stored(referral.id)).gsi2pk).toBe(
      `$linkwork#organisationkey_${team.vcsManager.organisationId}`,
    );

    const declined = await transitionReferral(
      setup.context,
      as(team.vcsManager),
      referral.id,
      allocated.version,
      {
        type: "decline",
        reason: "No capacity for home visits this month",
      },
    );
    const afterDecline = await stored(referral.id);
    expect(afterDecline.organisationId).toBeUndefined();
    expect(afterDecline.gsi2pk).toBeUndefined();
    expect(afterDecline.gsi2sk).toBeUndefined();

    await transitionReferral(setup.context, coordinator, referral.id, declined.version, {
      type: "signpost",
      note: "Given the number for the befriending line",
    });
    const closed = await stored(referral.id);
    expect(closed.status).toBe("closed");
    for (const key of ["gsi1pk", "gsi1sk", "gsi6pk", "gsi6sk"]) expect(closed[key]).toBeUndefined();
    expect(closed.gsi5pk).toBe("$linkwork#areaid_default#receivedmonth_2026-11");
  });

  it("brings a referral stored with the earlier keys to the current ones, once", async () => {
    const referral = await received();
    const current = await stored(referral.id);
    // As the previous version stored it: no area, one received-order partition, empty index keys.
    const {
      areaId: _area,
      receivedMonth: _month,
      organisationKey: _org,
      referrerKey: _ref,
      assigneeKey: _assignee,
      ...earlier
    } = current;
    await setup.db.client.send(
      new PutCommand({
        TableName: setup.tableName,
        Item: {
          ...earlier,
          gsi1pk: "$linkwork#status_received",
          gsi2pk: "$linkwork#organisationid_",
          gsi2sk: "$referral_1#status_received",
          gsi5pk: "$linkwork",
          gsi6pk: "$linkwork#sweepstate_due",
        },
      }),
    );

    expect(await rewriteReferralKeys(setup.context)).toMatchObject({ rewritten: 1 });
    const rewritten = await stored(referral.id);
    expect(rewritten).toEqual(current);
    expect(await rewriteReferralKeys(setup.context)).toMatchObject({ rewritten: 0 });
  });
});
