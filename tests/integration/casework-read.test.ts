import { readCase } from "@linkwork/core/casework/read-case";
import { recordContact } from "@linkwork/core/casework/record-contact";
import { transitionReferral } from "@linkwork/core/referral/transition";
import { beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../support/database";
import { seedStaff } from "../support/world";
import {
  addColleague,
  assignedReferral,
  auditOf,
  colleague,
  coordinator,
  manager,
  otherManager,
  otherWorker,
  worker,
} from "./casework-fixtures";

let setup: Awaited<ReturnType<typeof createTestContext>>;

beforeEach(async () => {
  setup = await createTestContext("2026-11-23T09:00:00.000Z");
  await seedStaff(setup.context);
  await addColleague(setup.context);
});

describe("reading a case", () => {
  it("shows an empty case at version 0 before anything is recorded, with what the worker may do", async () => {
    const referral = await assignedReferral(setup.context);
    const empty = await readCase(setup.context, worker, referral.id);
    expect(empty).toMatchObject({
      referralId: referral.id,
      version: 0,
      referralStatus: "assigned",
      referralVersion: referral.version,
      contacts: [],
      failedAttempts: 0,
      unableToContactPrompt: false,
      domains: {},
      plan: { version: 0, goals: [], history: [] },
      measures: [],
      measureSummary: [],
      connections: [],
      escalations: [],
    });
    expect(empty.allowedActions).toEqual(
      expect.arrayContaining([
        "record_contact",
        "update_plan",
        "record_measure",
        "record_connection",
        "escalate",
      ]),
    );
  });

  it("audits every read, granted with its purpose or refused, and tells anyone outside the relationship it does not exist", async () => {
    const referral = await assignedReferral(setup.context);
    await readCase(setup.context, worker, referral.id);
    await readCase(setup.context, manager, referral.id);
    for (const stranger of [colleague, otherWorker, otherManager, coordinator]) {
      await expect(readCase(setup.context, stranger, referral.id)).rejects.toMatchObject({
        code: "not_found",
      });
    }
    const reads = (await auditOf(setup.context, referral.id)).filter((entry) => entry.action === "case.read");
    expect(reads).toEqual(
      expect.arrayContaining([
        {
          action: "case.read",
          actorId: worker.userId,
          outcome: "granted",
          purpose: "On the link worker's caseload",
        },
        {
          action: "case.read",
          actorId: manager.userId,
          outcome: "granted",
          purpose: "Manages the organisation holding the case",
        },
      ]),
    );
    expect(
      reads
        .filter((entry) => entry.outcome === "denied")
        .map((entry) => entry.actorId)
        .sort(),
    ).toEqual([colleague.userId, otherWorker.userId, otherManager.userId, coordinator.userId].sort());
  });

  it("answers not found for an id that names nothing, and audits that too", async () => {
    const missing = "ref_01jd8k2m3n4p5q6r7s8t9v0w1x";
    await expect(readCase(setup.context, worker, missing)).rejects.toMatchObject({ code: "not_found" });
    expect(await auditOf(setup.context, missing)).toMatchObject([{ action: "case.read", outcome: "denied" }]);
  });

  it("stays readable once closed, taking nothing new but a reopen and the answer to an open escalation", async () => {
    const referral = await assignedReferral(setup.context);
    setup.clock.set("2026-11-24T10:00:00.000Z");
    const { case: active } = await recordContact(setup.context, worker, referral.id, {
      at: "2026-11-24T09:00:00.000Z",
      method: "face_to_face",
      outcome: "made_contact",
    });
    await transitionReferral(setup.context, worker, referral.id, active.referralVersion, {
      type: "close",
      reason: "goals_met",
      summary: "Connected to the walking group",
    });
    const closed = await readCase(setup.context, worker, referral.id);
    expect(closed.referralStatus).toBe("closed");
    expect(closed.contacts).toHaveLength(1);
    expect([...closed.allowedActions].sort()).toEqual(["reopen", "resolve_escalation"]);
  });
});
