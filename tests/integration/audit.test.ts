import type { UserActor } from "@linkwork/core/actor";
import type { Context } from "@linkwork/core/context";
import { connect } from "@linkwork/core/db/client";
import { createDatabase } from "@linkwork/core/db/database";
import type { Command } from "@linkwork/core/referral/domain/lifecycle";
import { listReferrals } from "@linkwork/core/referral/list";
import { readReferral } from "@linkwork/core/referral/read";
import { receiveReferral } from "@linkwork/core/referral/receive";
import { ReferralCreate } from "@linkwork/core/referral/schema";
import { transitionReferral } from "@linkwork/core/referral/transition";
import { createId } from "@linkwork/core/util/id";
import { beforeEach, describe, expect, it } from "vitest";
import { aReferral } from "../support/builders";
import { createTestContext } from "../support/database";
import { seedStaff, team } from "../support/world";

let setup: Awaited<ReturnType<typeof createTestContext>>;
const as = (person: Omit<UserActor, "type">): UserActor => ({ type: "user", ...person });
const coordinator = as(team.coordinator);

beforeEach(async () => {
  setup = await createTestContext("2026-11-23T09:00:00.000Z");
  await seedStaff(setup.context);
});

async function received(person = aReferral().person) {
  const input = ReferralCreate.parse(aReferral({ person }));
  return (await receiveReferral(setup.context, as(team.gp), input)).referral;
}

async function auditOf(subjectId: string) {
  const entries = await setup.db.entities.audit.query.bySubject({ subjectId }).go({ pages: "all" });
  return entries.data.map(({ actorId, action, purpose, outcome }) => ({ actorId, action, purpose, outcome }));
}

/** A connection to the same table that counts the DynamoDB calls made through it. */
function counted(): { context: Context; calls: string[] } {
  const calls: string[] = [];
  const db = createDatabase(connect({ tableName: setup.tableName, endpoint: setup.endpoint }));
  db.client.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(String(context.commandName));
      return next(args);
    },
    { step: "initialize", name: "count" },
  );
  return { context: { db, clock: setup.clock }, calls };
}

describe("the audit trail", () => {
  it("records a refused change: a stale version, and another organisation's referral", async () => {
    const referral = await received();
    const triage: Command = {
      type: "triage",
      priority: "soon",
      supportLevel: "intensive",
      needs: ["housing"],
      riskFlags: [],
    };
    await transitionReferral(setup.context, coordinator, referral.id, 1, triage);
    await expect(
      transitionReferral(setup.context, coordinator, referral.id, 1, triage),
    ).rejects.toMatchObject({
      code: "version_conflict",
    });
    await expect(
      transitionReferral(setup.context, as(team.vcsManager), referral.id, 2, { type: "accept" }),
    ).rejects.toMatchObject({ code: "not_found" });

    expect(await auditOf(referral.id)).toEqual(
      expect.arrayContaining([
        {
          actorId: team.coordinator.userId,
          action: "referral.triage",
          purpose: "Refused: version_conflict",
          outcome: "denied",
        },
        {
          actorId: team.vcsManager.userId,
          action: "referral.accept",
          purpose: "Refused: not_found",
          outcome: "denied",
        },
      ]),
    );
  });

  it("records a read of an id that names nothing, with the same calls as a refused read of a real referral", async () => {
    const referral = await received();
    const missing = createId("referral");
    const refused = counted();
    await expect(readReferral(refused.context, as(team.vcsWorker), referral.id)).rejects.toMatchObject({
      code: "not_found",
    });
    const absent = counted();
    await expect(readReferral(absent.context, as(team.vcsWorker), missing)).rejects.toMatchObject({
      code: "not_found",
    });

    expect(absent.calls).toEqual(refused.calls);
    // The referral, then the reads of whether an MDT listing relates the user to it, then the audit entry.
    expect(refused.calls[0]).toBe("GetItemCommand");
    expect(refused.calls.slice(1, -1).every((call) => call === "QueryCommand")).toBe(true);
    expect(refused.calls.at(-1)).toBe("TransactWriteItemsCommand");
    expect(await auditOf(missing)).toEqual([
      {
        actorId: team.vcsWorker.userId,
        action: "referral.read",
        purpose: "No such referral",
        outcome: "denied",
      },
    ]);
  });

  it("records the other open referrals a coordinator is shown beside the one they opened", async () => {
    const person = aReferral().person;
    const first = await received(person);
    const second = await received(person);
    const opened = await readReferral(setup.context, coordinator, second.id);
    expect(opened.otherOpenReferrals?.map((other) => other.id)).toEqual([first.id]);
    expect(await auditOf(first.id)).toContainEqual({
      actorId: team.coordinator.userId,
      action: "referral.other_open",
      purpose: `Same person's open referral, shown with ${second.id}`,
      outcome: "granted",
    });
  });

  it("records each search with its filters, as well as each referral it shows", async () => {
    const referral = await received();
    await listReferrals(setup.context, coordinator, { status: "received", need: "housing" });
    const searches = await setup.db.entities.audit.query
      .byActor({ actorId: team.coordinator.userId, month: "2026-11" })
      .go({ pages: "all" });
    expect(searches.data.filter((entry) => entry.action === "referral.search")).toEqual([
      expect.objectContaining({
        subjectType: "search",
        purpose: expect.stringContaining('"need":"housing"'),
      }),
    ]);
    expect((await auditOf(referral.id)).map((entry) => entry.action)).not.toContain("referral.list");
    await listReferrals(setup.context, coordinator, { status: "received" });
    expect((await auditOf(referral.id)).map((entry) => entry.action)).toContain("referral.list");
  });
});
