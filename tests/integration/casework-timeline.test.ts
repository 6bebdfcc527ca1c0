import { addConnection } from "@linkwork/core/casework/add-connection";
import { raiseEscalation } from "@linkwork/core/casework/raise-escalation";
import { recordContact } from "@linkwork/core/casework/record-contact";
import { recordMeasure } from "@linkwork/core/casework/record-measure";
import { savePlan } from "@linkwork/core/casework/save-plan";
import { eventTypesAbout, isEventOf, parseEvent } from "@linkwork/core/event/catalogue";
import { readTimeline } from "@linkwork/core/timeline/read";
import { recordTimelineEntry } from "@linkwork/core/timeline/record";
import { beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../support/database";
import { seedStaff, team } from "../support/world";
import { as, assignedReferral, coordinator, manager, worker } from "./casework-fixtures";

let setup: Awaited<ReturnType<typeof createTestContext>>;

beforeEach(async () => {
  setup = await createTestContext("2026-11-23T09:00:00.000Z");
  await seedStaff(setup.context);
});

/** What the timeline subscriber does with each event the relay publishes. */
async function deliverEvents(referralId: string) {
  const outbox = await setup.context.db.entities.outbox.scan.go({ pages: "all" });
  for (const item of outbox.data.filter((stored) => stored.subject.id === referralId)) {
    const { eventId, type, occurredAt, actor, subject, data } = item;
    const event = parseEvent({ id: eventId, type, occurredAt, actor, subject, data });
    if (isEventOf(event, eventTypesAbout("referral"))) await recordTimelineEntry(setup.db, event);
  }
}

/** A case with one of each kind of casework on it, its events on the referral's timeline. */
async function workedCase() {
  const referral = await assignedReferral(setup.context);
  await recordContact(setup.context, worker, referral.id, {
    at: "2026-11-23T09:00:00.000Z",
    method: "home_visit",
    outcome: "made_contact",
    durationMinutes: 45,
    note: "Talked about her late husband",
  });
  await savePlan(setup.context, worker, referral.id, {
    version: 0,
    whatMatters: "Getting back to the allotment",
    goals: [{ text: "Join the allotment society", importance: 9, status: "active" }],
    reviewOn: "2026-12-14",
  });
  await recordMeasure(setup.context, worker, referral.id, {
    tool: "ons4",
    stage: "baseline",
    answers: { lifeSatisfaction: 2, worthwhile: 3, happy: 2, anxious: 8 },
  });
  await addConnection(setup.context, worker, referral.id, {
    serviceName: "Riverside Allotment Society",
    sector: "vcs",
    need: "loneliness_isolation",
    status: "referred",
  });
  await raiseEscalation(setup.context, worker, referral.id, {
    to: "safeguarding",
    note: "Says her nephew takes her pension",
  });
  await deliverEvents(referral.id);
  return referral;
}

const caseEntriesOf = async (referralId: string, viewer: typeof worker) =>
  Object.fromEntries(
    (await readTimeline(setup.context, viewer, referralId))
      .filter((entry) => entry.type.startsWith("case."))
      .map((entry) => [entry.type, entry.data]),
  );

describe("casework on the referral's timeline", () => {
  it("shows the case's worker and manager every coded fact of the casework", async () => {
    const referral = await workedCase();
    for (const viewer of [worker, manager]) {
      const entries = await caseEntriesOf(referral.id, viewer);
      expect(entries["case.contact_recorded"]).toMatchObject({
        method: "home_visit",
        outcome: "made_contact",
        durationMinutes: 45,
      });
      expect(entries["case.plan_saved"]).toMatchObject({ planVersion: 1, goals: 1, reviewOn: "2026-12-14" });
      expect(entries["case.measure_recorded"]).toMatchObject({ tool: "ons4", stage: "baseline" });
      expect(entries["case.measure_recorded"]?.score).toBeDefined();
      expect(entries["case.connection_added"]).toMatchObject({ need: "loneliness_isolation", sector: "vcs" });
      expect(entries["case.escalated"]).toMatchObject({ to: "safeguarding" });
    }
  });

  it("tells the referrer that casework happened and when, never scores, methods, needs or where a concern went", async () => {
    const referral = await workedCase();
    const entries = await caseEntriesOf(referral.id, as(team.gp));
    expect(Object.keys(entries).sort()).toEqual([
      "case.connection_added",
      "case.contact_recorded",
      "case.escalated",
      "case.measure_recorded",
      "case.plan_saved",
    ]);
    expect(entries["case.contact_recorded"]).toEqual({
      contactId: expect.any(String),
      at: "2026-11-23T09:00:00.000Z",
      outcome: "made_contact",
    });
    expect(entries["case.plan_saved"]).toEqual({ planVersion: 1 });
    expect(entries["case.measure_recorded"]).toEqual({
      measureId: expect.any(String),
      tool: "ons4",
      stage: "baseline",
    });
    expect(entries["case.connection_added"]).toEqual({
      connectionId: expect.any(String),
      sector: "vcs",
      status: "referred",
    });
    expect(entries["case.escalated"]).toEqual({ escalationId: expect.any(String) });
  });

  it("tells a triage coordinator where an escalation went, for the queue they answer, and nothing more of the case", async () => {
    const referral = await workedCase();
    const entries = await caseEntriesOf(referral.id, coordinator);
    expect(entries["case.escalated"]).toEqual({
      escalationId: expect.any(String),
      to: "safeguarding",
      organisationId: manager.organisationId,
    });
    expect(entries["case.measure_recorded"]).not.toHaveProperty("score");
    expect(entries["case.contact_recorded"]).not.toHaveProperty("method");
    expect(entries["case.plan_saved"]).toEqual({ planVersion: 1 });
  });
});
