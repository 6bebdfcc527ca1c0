import { readCase } from "@linkwork/core/casework/read-case";
import { recordContact } from "@linkwork/core/casework/record-contact";
import { readReferral } from "@linkwork/core/referral/read";
import { transitionReferral } from "@linkwork/core/referral/transition";
import { setCaseworkSettings } from "@linkwork/core/settings/casework";
import { beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../support/database";
import { seedStaff } from "../support/world";
import {
  addColleague,
  assignedReferral,
  auditOf,
  colleague,
  manager,
  otherManager,
  otherWorker,
  outboxOf,
  worker,
} from "./casework-fixtures";

let setup: Awaited<ReturnType<typeof createTestContext>>;

beforeEach(async () => {
  // Monday 23 November 2026, 09:00 in England.
  setup = await createTestContext("2026-11-23T09:00:00.000Z");
  await seedStaff(setup.context);
  await addColleague(setup.context);
});

const attempt = (at: string, outcome = "no_answer", extra = {}) => ({
  at,
  method: "phone",
  outcome,
  ...extra,
});

async function errorOf(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: { code: string; currentVersion?: number; details?: unknown }) => error,
  );
}

describe("recording contacts", () => {
  it("counts a failed attempt on the case and the referral, and the referral stays assigned", async () => {
    const referral = await assignedReferral(setup.context);
    setup.clock.set("2026-11-24T10:00:00.000Z");
    const { contact, case: after } = await recordContact(
      setup.context,
      worker,
      referral.id,
      attempt("2026-11-24T09:30:00.000Z", "no_answer", { durationMinutes: 2, note: "Rang twice" }),
    );
    expect(contact).toMatchObject({
      at: "2026-11-24T09:30:00.000Z",
      method: "phone",
      outcome: "no_answer",
      durationMinutes: 2,
      note: "Rang twice",
      recordedBy: worker.userId,
      recordedByName: worker.name,
    });
    expect(after).toMatchObject({
      version: 1,
      failedAttempts: 1,
      contactCount: 1,
      unableToContactPrompt: false,
    });
    const stored = await readReferral(setup.context, worker, referral.id);
    expect(stored).toMatchObject({ status: "assigned", version: referral.version, failedContactAttempts: 1 });
    expect(stored.firstContactAt).toBeUndefined();
  });

  it("makes the referral active with the first contact made, at the time it happened, stopping the first-contact timer", async () => {
    const referral = await assignedReferral(setup.context);
    const before = await setup.db.entities.referral.get({ referralId: referral.id }).go();
    expect(before.data).toMatchObject({ sweepState: "due" });
    expect(before.data?.firstContactDueAt).toBeDefined();

    setup.clock.set("2026-11-25T16:00:00.000Z");
    await recordContact(setup.context, worker, referral.id, attempt("2026-11-24T11:00:00.000Z"));
    const { case: after } = await recordContact(
      setup.context,
      worker,
      referral.id,
      attempt("2026-11-25T14:00:00+00:00", "made_contact", { method: "home_visit", durationMinutes: 45 }),
    );

    expect(after).toMatchObject({ failedAttempts: 0, contactCount: 2, referralStatus: "active" });
    expect(after.contacts.map((contact) => contact.outcome)).toEqual(["made_contact", "no_answer"]);
    const stored = (await setup.db.entities.referral.get({ referralId: referral.id }).go()).data;
    expect(stored).toMatchObject({
      status: "active",
      version: referral.version + 1,
      firstContactAt: "2026-11-25T14:00:00.000Z",
      failedContactAttempts: 0,
      sweepState: "none",
    });
    // The due date stays on record; no timer runs against it any more.
    expect((await readReferral(setup.context, worker, referral.id)).serviceLevel).toBeUndefined();
    const events = await outboxOf(setup.context, referral.id);
    expect(events.slice(-3).map((event) => event.type)).toEqual([
      "case.contact_recorded",
      "referral.first_contact_made",
      "case.contact_recorded",
    ]);
  });

  it("does not make the referral's first contact again for a later contact, even a back-dated one", async () => {
    const referral = await assignedReferral(setup.context);
    setup.clock.set("2026-11-26T12:00:00.000Z");
    await recordContact(
      setup.context,
      worker,
      referral.id,
      attempt("2026-11-26T11:00:00.000Z", "made_contact"),
    );
    await recordContact(
      setup.context,
      worker,
      referral.id,
      attempt("2026-11-24T11:00:00.000Z", "made_contact"),
    );
    const stored = (await setup.db.entities.referral.get({ referralId: referral.id }).go()).data;
    expect(stored).toMatchObject({
      firstContactAt: "2026-11-26T11:00:00.000Z",
      version: referral.version + 1,
    });
    const { contacts } = await readCase(setup.context, worker, referral.id);
    expect(contacts.map((contact) => contact.at)).toEqual([
      "2026-11-26T11:00:00.000Z",
      "2026-11-24T11:00:00.000Z",
    ]);
  });

  it("prompts to close as unable to contact once the area's number of failed attempts is reached", async () => {
    await setCaseworkSettings(setup.context, {
      version: 0,
      measures: ["ons4"],
      unableToContactAfterAttempts: 2,
    });
    const referral = await assignedReferral(setup.context);
    setup.clock.set("2026-11-27T12:00:00.000Z");
    const first = await recordContact(
      setup.context,
      worker,
      referral.id,
      attempt("2026-11-24T10:00:00.000Z"),
    );
    expect(first.case.unableToContactPrompt).toBe(false);
    const second = await recordContact(
      setup.context,
      worker,
      referral.id,
      attempt("2026-11-25T10:00:00.000Z", "left_message", { method: "text" }),
    );
    expect(second.case).toMatchObject({ failedAttempts: 2, unableToContactPrompt: true });
    const made = await recordContact(
      setup.context,
      worker,
      referral.id,
      attempt("2026-11-26T10:00:00.000Z", "made_contact"),
    );
    expect(made.case).toMatchObject({ failedAttempts: 0, unableToContactPrompt: false });
  });

  it("refuses a contact more than a minute in the future, or before the referral was received, naming the field", async () => {
    const referral = await assignedReferral(setup.context);
    setup.clock.set("2026-11-24T10:00:00.000Z");
    const future = await errorOf(
      recordContact(setup.context, worker, referral.id, attempt("2026-11-24T10:01:01.000Z")),
    );
    expect(future).toMatchObject({ code: "validation_failed", details: [{ path: "at" }] });
    const early = await errorOf(
      recordContact(setup.context, worker, referral.id, attempt("2026-11-23T08:59:59.000Z")),
    );
    expect(early).toMatchObject({ code: "validation_failed", details: [{ path: "at" }] });
    // Within the minute a device's clock may run ahead: accepted.
    await recordContact(setup.context, worker, referral.id, attempt("2026-11-24T10:00:59.000Z"));
    expect((await readCase(setup.context, worker, referral.id)).contactCount).toBe(1);
  });

  it("refuses every contact on a closed case as an invalid transition until it is reopened", async () => {
    const referral = await assignedReferral(setup.context);
    setup.clock.set("2026-11-24T10:00:00.000Z");
    await recordContact(
      setup.context,
      worker,
      referral.id,
      attempt("2026-11-24T09:00:00.000Z", "made_contact"),
    );
    const active = await readReferral(setup.context, worker, referral.id);
    const closed = await transitionReferral(setup.context, worker, referral.id, active.version, {
      type: "close",
      reason: "goals_met",
      summary: "Joined the walking group",
    });

    const refused = await errorOf(
      recordContact(setup.context, worker, referral.id, attempt("2026-11-24T09:30:00.000Z", "made_contact")),
    );
    expect(refused).toMatchObject({ code: "invalid_transition", currentVersion: closed.version });
    expect((await readCase(setup.context, worker, referral.id)).contactCount).toBe(1);

    await transitionReferral(setup.context, worker, referral.id, closed.version, {
      type: "reopen",
      reason: "Asked for more support",
    });
    await recordContact(
      setup.context,
      worker,
      referral.id,
      attempt("2026-11-24T09:45:00.000Z", "made_contact"),
    );
    expect((await readCase(setup.context, worker, referral.id)).contactCount).toBe(2);
  });

  it("lets only the assigned worker record contacts: another worker of the organisation and other organisations are told it does not exist, the manager is forbidden", async () => {
    const referral = await assignedReferral(setup.context);
    setup.clock.set("2026-11-24T10:00:00.000Z");
    const contact = attempt("2026-11-24T09:00:00.000Z");
    for (const stranger of [colleague, otherWorker, otherManager]) {
      expect(await errorOf(recordContact(setup.context, stranger, referral.id, contact))).toMatchObject({
        code: "not_found",
      });
    }
    expect(await errorOf(recordContact(setup.context, manager, referral.id, contact))).toMatchObject({
      code: "forbidden",
    });
    const denied = (await auditOf(setup.context, referral.id)).filter(
      (entry) => entry.action === "case.contact.record" && entry.outcome === "denied",
    );
    expect(denied.map((entry) => entry.actorId).sort()).toEqual(
      [colleague.userId, otherWorker.userId, otherManager.userId, manager.userId].sort(),
    );
  });

  it("keeps notes out of the event the timeline shows, and audits the write", async () => {
    const referral = await assignedReferral(setup.context);
    setup.clock.set("2026-11-24T10:00:00.000Z");
    await recordContact(
      setup.context,
      worker,
      referral.id,
      attempt("2026-11-24T09:00:00.000Z", "made_contact", { note: "Talked about her late husband" }),
    );
    const recorded = (await outboxOf(setup.context, referral.id)).find(
      (event) => event.type === "case.contact_recorded",
    );
    expect(recorded?.data).toMatchObject({ method: "phone", outcome: "made_contact", contactCount: 1 });
    expect(JSON.stringify(recorded?.data)).not.toContain("husband");
    expect(await auditOf(setup.context, referral.id)).toContainEqual({
      action: "case.contact.record",
      actorId: worker.userId,
      outcome: "granted",
      purpose: "On the link worker's caseload",
    });
  });

  it("records both of two contacts logged at the same moment, neither lost", async () => {
    const referral = await assignedReferral(setup.context);
    setup.clock.set("2026-11-24T10:00:00.000Z");
    await Promise.all([
      recordContact(setup.context, worker, referral.id, attempt("2026-11-24T09:00:00.000Z")),
      recordContact(setup.context, worker, referral.id, attempt("2026-11-24T09:10:00.000Z", "left_message")),
    ]);
    const after = await readCase(setup.context, worker, referral.id);
    expect(after).toMatchObject({ contactCount: 2, failedAttempts: 2, version: 2 });
    expect(after.contacts).toHaveLength(2);
  });
});
