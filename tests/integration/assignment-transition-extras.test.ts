import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { UserActor } from "@linkwork/core/actor";
import type { TransactItem } from "@linkwork/core/db/item-update";
import { assignReferral } from "@linkwork/core/referral/assign";
import type { ReferralItem } from "@linkwork/core/referral/mapper";
import { receiveReferral } from "@linkwork/core/referral/receive";
import { ReferralCreate } from "@linkwork/core/referral/schema";
import { transitionReferral } from "@linkwork/core/referral/transition";
import { InvalidTransition } from "@linkwork/core/util/errors";
import { beforeEach, describe, expect, it } from "vitest";
import { aReferral } from "../support/builders";
import { createTestContext } from "../support/database";
import { seedStaff, team } from "../support/world";

/*
 * What the case's first successful contact relies on: the contact, the case record and the
 * lifecycle change that makes the referral active commit in one transaction, or none of them do.
 */

let setup: Awaited<ReturnType<typeof createTestContext>>;
const as = (person: Omit<UserActor, "type">): UserActor => ({ type: "user", ...person });
const worker = as(team.vcsWorker);

beforeEach(async () => {
  setup = await createTestContext("2026-11-23T09:00:00.000Z");
  await seedStaff(setup.context);
});

async function assigned() {
  const { referral } = await receiveReferral(setup.context, as(team.gp), ReferralCreate.parse(aReferral()));
  const coordinator = as(team.coordinator);
  const triaged = await transitionReferral(setup.context, coordinator, referral.id, 1, {
    type: "triage",
    priority: "routine",
    supportLevel: "supported_connection",
    needs: ["loneliness_isolation"],
    riskFlags: [],
  });
  const allocated = await transitionReferral(setup.context, coordinator, referral.id, triaged.version, {
    type: "allocate",
    organisationId: team.vcsManager.organisationId,
  });
  const accepted = await transitionReferral(
    setup.context,
    as(team.vcsManager),
    referral.id,
    allocated.version,
    {
      type: "accept",
    },
  );
  return assignReferral(setup.context, as(team.vcsManager), referral.id, {
    type: "assign",
    version: accepted.version,
    linkWorkerId: team.vcsWorker.userId,
  });
}

/** A marker item the same transaction writes, created only if it is not there yet. */
function marker(referralId: string, note: string): TransactItem {
  return {
    Put: {
      TableName: setup.tableName,
      Item: { pk: `test-marker#${referralId}`, sk: "marker", note },
      ConditionExpression: "attribute_not_exists(pk)",
    },
  };
}

async function markerOf(referralId: string) {
  const result = await setup.db.client.send(
    new GetCommand({
      TableName: setup.tableName,
      Key: { pk: `test-marker#${referralId}`, sk: "marker" },
      ConsistentRead: true,
    }),
  );
  return result.Item;
}

async function storedReferral(referralId: string) {
  return (await setup.db.entities.referral.get({ referralId }).go({ consistent: true })).data;
}

describe("a lifecycle change with writes of its own", () => {
  it("commits the extra items and fields with the referral, handing them the referral as stored", async () => {
    const referral = await assigned();
    const seen: { now: string; version: number; status: string }[] = [];
    const contactAt = "2026-11-23T08:15:00.000Z";

    const active = await transitionReferral(
      setup.context,
      worker,
      referral.id,
      referral.version,
      { type: "record_first_contact" },
      {
        nextFields: { firstContactAt: contactAt, failedContactAttempts: 0 },
        writes: (now: Date, next: ReferralItem) => {
          seen.push({ now: now.toISOString(), version: next.version, status: next.status });
          return [marker(referral.id, "first contact")];
        },
      },
    );

    expect(active).toMatchObject({ status: "active", firstContactAt: contactAt, failedContactAttempts: 0 });
    expect(seen).toEqual([
      { now: "2026-11-23T09:00:00.000Z", version: referral.version + 1, status: "active" },
    ]);
    expect(await markerOf(referral.id)).toMatchObject({ note: "first contact" });
    expect(await storedReferral(referral.id)).toMatchObject({ status: "active", firstContactAt: contactAt });
  });

  it("writes nothing when an extra item's condition fails, and reports it as the caller says", async () => {
    const referral = await assigned();
    await setup.db.client.send(
      new PutCommand({
        TableName: setup.tableName,
        Item: { pk: `test-marker#${referral.id}`, sk: "marker", note: "already there" },
      }),
    );
    const attempt = (mapped: boolean) =>
      transitionReferral(
        setup.context,
        worker,
        referral.id,
        referral.version,
        { type: "record_first_contact" },
        {
          writes: () => [marker(`${referral.id}-free`, "fine"), marker(referral.id, "second")],
          ...(mapped
            ? { writeConflict: (index: number) => InvalidTransition(`extra write ${index} refused`, 9) }
            : {}),
        },
      );

    await expect(attempt(false)).rejects.toMatchObject({
      code: "version_conflict",
      currentVersion: referral.version,
    });
    await expect(attempt(true)).rejects.toMatchObject({
      code: "invalid_transition",
      message: "extra write 1 refused",
    });

    expect(await storedReferral(referral.id)).toMatchObject({
      status: "assigned",
      version: referral.version,
    });
    expect(await markerOf(`${referral.id}-free`)).toBeUndefined();
    expect(await markerOf(referral.id)).toMatchObject({ note: "already there" });
  });
});
