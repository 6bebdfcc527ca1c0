import type { UserActor } from "@linkwork/core/actor";
import type { Context } from "@linkwork/core/context";
import { connect } from "@linkwork/core/db/client";
import { createDatabase } from "@linkwork/core/db/database";
import { assignReferral } from "@linkwork/core/referral/assign";
import { receiveReferral } from "@linkwork/core/referral/receive";
import { ReferralCreate } from "@linkwork/core/referral/schema";
import { transitionReferral } from "@linkwork/core/referral/transition";
import { beforeEach, describe, expect, it } from "vitest";
import { aReferral } from "../support/builders";
import { createTestContext } from "../support/database";
import { addLinkWorker, addUsers, seedStaff, team } from "../support/world";

let setup: Awaited<ReturnType<typeof createTestContext>>;
const as = (person: Omit<UserActor, "type">): UserActor => ({ type: "user", ...person });
const coordinator = as(team.coordinator);
const manager = as(team.vcsManager);
const organisationId = team.vcsManager.organisationId;

const worker = (userId: string, name: string) => ({
  userId,
  email: `${userId}@linkwork.test`,
  name,
  roles: ["link_worker" as const],
  organisationId,
});
const ada = worker("usr_ada", "Ada Link");
const ben = worker("usr_ben", "Ben Link");
const secondManager = {
  userId: "usr_manager_vcs_2",
  email: "manager2.vcs@linkwork.test",
  name: "Pat Second",
  roles: ["org_manager" as const],
  organisationId,
};

beforeEach(async () => {
  setup = await createTestContext("2026-11-23T09:00:00.000Z");
  await seedStaff(setup.context);
  await addLinkWorker(setup.context, ada, 2);
  await addLinkWorker(setup.context, ben, 1);
  await addUsers(setup.context, [secondManager]);
});

/** A referral the VCS organisation has accepted, waiting for a worker. */
async function accepted() {
  const { referral } = await receiveReferral(setup.context, as(team.gp), ReferralCreate.parse(aReferral()));
  const triaged = await transitionReferral(setup.context, coordinator, referral.id, 1, {
    type: "triage",
    priority: "routine",
    supportLevel: "supported_connection",
    needs: ["loneliness_isolation"],
    riskFlags: [],
  });
  const allocated = await transitionReferral(setup.context, coordinator, referral.id, triaged.version, {
    type: "allocate",
    organisationId,
  });
  return transitionReferral(setup.context, manager, referral.id, allocated.version, { type: "accept" });
}

async function caseloadOf(userId: string) {
  return (await setup.db.entities.user.get({ userId }).go({ consistent: true })).data?.activeCaseload;
}

async function stored(referralId: string) {
  const raw = await setup.db.entities.referral.get({ referralId }).go({ data: "raw", consistent: true });
  return (raw.data as unknown as { Item: Record<string, unknown> }).Item;
}

async function eventsOf(referralId: string) {
  const outbox = await setup.db.entities.outbox.scan.go({ pages: "all" });
  return outbox.data
    .filter((item) => item.subject.id === referralId)
    .sort((left, right) => left.eventId.localeCompare(right.eventId));
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; currentVersion?: number };
  }
  throw new Error("It was allowed");
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

describe("a manager assigning an accepted referral to a link worker", () => {
  it("puts it on the worker's caseload within their limit, with the event and the audit entry", async () => {
    const referral = await accepted();
    const assigned = await assignReferral(setup.context, manager, referral.id, {
      type: "assign",
      version: referral.version,
      linkWorkerId: ada.userId,
    });

    expect(assigned).toMatchObject({
      status: "assigned",
      assignedTo: ada.userId,
      assignedToName: "Ada Link",
    });
    expect(await caseloadOf(ada.userId)).toBe(1);
    const item = await stored(referral.id);
    expect(item.gsi4pk).toBe(`$linkwork#assigneekey_${ada.userId}`);
    const last = (await eventsOf(referral.id)).at(-1);
    expect(last).toMatchObject({
      type: "referral.assigned",
      data: { organisationId, linkWorkerId: ada.userId },
      actor: { name: team.vcsManager.name },
    });
    const audit = await setup.db.entities.audit.scan.go({ pages: "all" });
    expect(
      audit.data.filter((entry) => entry.subjectId === referral.id && entry.action === "referral.assign"),
    ).toHaveLength(1);
  });

  it("refuses a worker whose caseload is full with capacity_reached, and writes nothing", async () => {
    const first = await accepted();
    await assignReferral(setup.context, manager, first.id, {
      type: "assign",
      version: first.version,
      linkWorkerId: ben.userId,
    });
    const second = await accepted();
    const eventsBefore = await eventsOf(second.id);

    const error = await refusal(
      assignReferral(setup.context, manager, second.id, {
        type: "assign",
        version: second.version,
        linkWorkerId: ben.userId,
      }),
    );

    expect(error.code).toBe("capacity_reached");
    expect(error.message).toContain("Ben Link");
    expect(await caseloadOf(ben.userId)).toBe(1);
    expect(await stored(second.id)).toMatchObject({ status: "accepted", version: second.version });
    expect((await stored(second.id)).assignedTo).toBeUndefined();
    expect(await eventsOf(second.id)).toEqual(eventsBefore);
  });

  it("lets one of two managers assigning at once win, and tells the other the version moved on", async () => {
    const referral = await accepted();
    // The first manager's write waits until the second manager has assigned the referral to Ben.
    const firstSide = interleaved(() =>
      assignReferral(setup.context, as(secondManager), referral.id, {
        type: "assign",
        version: referral.version,
        linkWorkerId: ben.userId,
      }),
    );

    const error = await refusal(
      assignReferral(firstSide, manager, referral.id, {
        type: "assign",
        version: referral.version,
        linkWorkerId: ada.userId,
      }),
    );

    expect(error).toMatchObject({ code: "version_conflict", currentVersion: referral.version + 1 });
    expect(await stored(referral.id)).toMatchObject({
      assignedTo: ben.userId,
      version: referral.version + 1,
    });
    expect([await caseloadOf(ada.userId), await caseloadOf(ben.userId)]).toEqual([0, 1]);
    expect((await eventsOf(referral.id)).filter((event) => event.type === "referral.assigned")).toHaveLength(
      1,
    );
  });

  it("has exactly one of two simultaneous assignments succeed", async () => {
    const referral = await accepted();
    const results = await Promise.allSettled(
      [
        [manager, ada],
        [as(secondManager), ben],
      ].map(([who, to]) =>
        assignReferral(setup.context, who as UserActor, referral.id, {
          type: "assign",
          version: referral.version,
          linkWorkerId: (to as typeof ada).userId,
        }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const item = await stored(referral.id);
    const places = [await caseloadOf(ada.userId), await caseloadOf(ben.userId)];
    expect(places).toEqual(item.assignedTo === ada.userId ? [1, 0] : [0, 1]);
  });

  it("refuses a worker of another organisation or someone who is not a link worker, naming the field", async () => {
    const referral = await accepted();
    for (const linkWorkerId of [team.pcnWorker.userId, team.vcsManager.userId, "usr_nobody"]) {
      const error = await refusal(
        assignReferral(setup.context, manager, referral.id, {
          type: "assign",
          version: referral.version,
          linkWorkerId,
        }),
      );
      expect({ linkWorkerId, code: error.code }).toEqual({ linkWorkerId, code: "validation_failed" });
    }
    expect(await stored(referral.id)).toMatchObject({ status: "accepted", version: referral.version });
  });

  it("shares the worker's claim rule: once assigned, a colleague's claim hears it is already taken", async () => {
    const referral = await accepted();
    await assignReferral(setup.context, manager, referral.id, {
      type: "assign",
      version: referral.version,
      linkWorkerId: ada.userId,
    });
    const error = await refusal(
      transitionReferral(setup.context, as(team.vcsWorker), referral.id, referral.version, { type: "claim" }),
    );
    expect(error.code).toBe("already_claimed");
  });
});

describe("moving a case between link workers", () => {
  it("moves exactly one place from the old worker's caseload to the new one's", async () => {
    const referral = await accepted();
    const assigned = await assignReferral(setup.context, manager, referral.id, {
      type: "assign",
      version: referral.version,
      linkWorkerId: ada.userId,
    });

    const moved = await assignReferral(setup.context, manager, referral.id, {
      type: "reassign",
      version: assigned.version,
      linkWorkerId: ben.userId,
      reason: "Ada is on leave for a month",
    });

    expect(moved).toMatchObject({ status: "assigned", assignedTo: ben.userId, assignedToName: "Ben Link" });
    expect([await caseloadOf(ada.userId), await caseloadOf(ben.userId)]).toEqual([0, 1]);
    expect((await eventsOf(referral.id)).at(-1)).toMatchObject({
      type: "referral.reassigned",
      data: { fromLinkWorkerId: ada.userId, linkWorkerId: ben.userId, reason: "Ada is on leave for a month" },
    });
  });

  it("leaves the case with its worker when the new one is full", async () => {
    const other = await accepted();
    await assignReferral(setup.context, manager, other.id, {
      type: "assign",
      version: other.version,
      linkWorkerId: ben.userId,
    });
    const referral = await accepted();
    const assigned = await assignReferral(setup.context, manager, referral.id, {
      type: "assign",
      version: referral.version,
      linkWorkerId: ada.userId,
    });

    const error = await refusal(
      assignReferral(setup.context, manager, referral.id, {
        type: "reassign",
        version: assigned.version,
        linkWorkerId: ben.userId,
        reason: "Cover",
      }),
    );

    expect(error.code).toBe("capacity_reached");
    expect([await caseloadOf(ada.userId), await caseloadOf(ben.userId)]).toEqual([1, 1]);
    expect(await stored(referral.id)).toMatchObject({ assignedTo: ada.userId, version: assigned.version });
  });
});

describe("returning a referral to triage", () => {
  it("releases the worker's place and takes it out of the organisation's and the worker's lists", async () => {
    const referral = await accepted();
    const assigned = await assignReferral(setup.context, manager, referral.id, {
      type: "assign",
      version: referral.version,
      linkWorkerId: ada.userId,
    });

    const back = await transitionReferral(setup.context, coordinator, referral.id, assigned.version, {
      type: "return_to_triage",
      reason: "Needs the specialist housing service",
    });

    expect(back.status).toBe("triaged");
    expect(back.organisationId).toBeUndefined();
    expect(await caseloadOf(ada.userId)).toBe(0);
    const item = await stored(referral.id);
    for (const key of ["organisationId", "assignedTo", "assignedToName", "gsi2pk", "gsi4pk"]) {
      expect({ key, value: item[key] }).toEqual({ key, value: undefined });
    }
    expect(item.gsi1pk).toBe("$linkwork#areaid_default#status_triaged");
    expect((await eventsOf(referral.id)).at(-1)).toMatchObject({
      type: "referral.returned_to_triage",
      data: { organisationId, reason: "Needs the specialist housing service" },
    });
  });
});

describe("closing a case", () => {
  it("stores the summary on the referral for the message back", async () => {
    const referral = await accepted();
    const assigned = await assignReferral(setup.context, manager, referral.id, {
      type: "assign",
      version: referral.version,
      linkWorkerId: ada.userId,
    });
    const closed = await transitionReferral(setup.context, as(ada), referral.id, assigned.version, {
      type: "close",
      reason: "connected_to_services",
      summary: "Goes to the Tuesday walking group",
    });
    expect(closed).toMatchObject({ status: "closed", closureSummary: "Goes to the Tuesday walking group" });
    expect(await stored(referral.id)).toMatchObject({ closureSummary: "Goes to the Tuesday walking group" });
    expect(await caseloadOf(ada.userId)).toBe(0);
  });
});
