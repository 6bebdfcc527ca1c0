import { addAgendaItem } from "@linkwork/core/mdt/add-item";
import { createMdt } from "@linkwork/core/mdt/create-mdt";
import { accessUntilAfter } from "@linkwork/core/mdt/domain/meeting-rules";
import { getMeeting } from "@linkwork/core/mdt/get-meeting";
import { planMeeting } from "@linkwork/core/mdt/plan-meeting";
import { agendaRelationship, mdtRelationships } from "@linkwork/core/mdt/relationships";
import { updateAgendaItem } from "@linkwork/core/mdt/update-item";
import { receiveReferral } from "@linkwork/core/referral/receive";
import { ReferralCreate } from "@linkwork/core/referral/schema";
import { transitionReferral } from "@linkwork/core/referral/transition";
import { beforeEach, describe, expect, it } from "vitest";
import { aReferral } from "../support/builders";
import { createTestContext } from "../support/database";
import { seedStaff, team } from "../support/world";
import { admin, asUser, errorCodeOf, gp, pcnWorker, vcsWorker } from "./mdt-fixtures";

let setup: Awaited<ReturnType<typeof createTestContext>>;
const coordinator = asUser(team.coordinator);

beforeEach(async () => {
  setup = await createTestContext("2026-11-23T09:00:00.000Z");
  await seedStaff(setup.context);
});

async function teamAndMeeting() {
  const mdt = await createMdt(setup.context, admin, {
    name: "Riverside MDT",
    practices: ["A81001"],
    chairUserId: gp.userId,
    memberUserIds: [pcnWorker.userId, vcsWorker.userId],
    cadenceDays: 14,
  });
  const meeting = await planMeeting(setup.context, gp, mdt.id, {
    startsAt: "2026-11-26T13:00:00.000Z",
    durationMinutes: 90,
  });
  return { mdt, meeting };
}

async function received(overrides = {}) {
  const input = ReferralCreate.parse(aReferral({ riskFlags: ["high_risk_admission"], ...overrides }));
  return (await receiveReferral(setup.context, gp, input)).referral;
}

describe("an MDT, as stored", () => {
  it("is written with one membership per member, the chair's marked, its event and an audit entry together", async () => {
    const { mdt } = await teamAndMeeting();
    const members = await setup.db.entities.mdtMember.query.byMdt({ mdtId: mdt.id }).go();
    expect(
      members.data
        .map(({ userId, chair }) => ({ userId, chair }))
        .sort((a, b) => a.userId.localeCompare(b.userId)),
    ).toEqual(
      [
        { userId: gp.userId, chair: true },
        { userId: pcnWorker.userId, chair: false },
        { userId: vcsWorker.userId, chair: false },
      ].sort((a, b) => a.userId.localeCompare(b.userId)),
    );
    const audit = await setup.db.entities.audit.query.bySubject({ subjectId: mdt.id }).go();
    expect(audit.data.map((entry) => [entry.actorId, entry.action, entry.subjectType])).toEqual([
      [admin.userId, "mdt.create", "mdt"],
    ]);
    expect(await mdtRelationships(setup.context, gp)).toEqual({ memberOf: [{ mdtId: mdt.id, chair: true }] });
    expect(await mdtRelationships(setup.context, vcsWorker)).toEqual({
      memberOf: [{ mdtId: mdt.id, chair: false }],
    });
    expect(await mdtRelationships(setup.context, coordinator)).toEqual({ memberOf: [] });
  });
});

describe("members working the board at the same moment", () => {
  it("cannot both list the same person: one listing wins, the other is told they are already listed", async () => {
    const { meeting } = await teamAndMeeting();
    const referral = await received();
    const outcomes = await Promise.all(
      [gp, pcnWorker, vcsWorker].map((member) =>
        errorCodeOf(
          addAgendaItem(setup.context, member, meeting.id, { referralId: referral.id, reason: "Falls" }),
        ),
      ),
    );
    expect(outcomes.sort()).toEqual(["already_listed", "already_listed", "ok"]);
    const board = await getMeeting(setup.context, gp, meeting.id);
    expect(board.items.map((item) => item.referralId)).toEqual([referral.id]);
  });

  it("moving the same card: one move wins, the other gets a version conflict and nothing is overwritten", async () => {
    const { meeting } = await teamAndMeeting();
    const item = await addAgendaItem(setup.context, gp, meeting.id, {
      referralId: (await received()).id,
      reason: "x",
    });
    const moves = [
      updateAgendaItem(setup.context, gp, meeting.id, item.id, { version: 1, column: "discussing" }),
      updateAgendaItem(setup.context, pcnWorker, meeting.id, item.id, { version: 1, column: "deferred" }),
    ];
    const results = await Promise.allSettled(moves);
    const won = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    const lost = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ code: "version_conflict", currentVersion: 2 });
    const board = await getMeeting(setup.context, gp, meeting.id);
    expect(board.items[0]).toMatchObject({ column: won[0]?.column, version: 2 });
  });

  it("moving different cards: both moves stand", async () => {
    const { meeting } = await teamAndMeeting();
    const first = await addAgendaItem(setup.context, gp, meeting.id, {
      referralId: (await received()).id,
      reason: "a",
    });
    const second = await addAgendaItem(setup.context, gp, meeting.id, {
      referralId: (await received()).id,
      reason: "b",
    });
    await Promise.all([
      updateAgendaItem(setup.context, gp, meeting.id, first.id, { version: 1, column: "discussing" }),
      updateAgendaItem(setup.context, vcsWorker, meeting.id, second.id, { version: 1, column: "deferred" }),
    ]);
    const board = await getMeeting(setup.context, gp, meeting.id);
    expect(board.items.map((item) => [item.id, item.column, item.version])).toEqual([
      [first.id, "discussing", 2],
      [second.id, "deferred", 2],
    ]);
  });
});

describe("the SBAR a listing starts from", () => {
  it("carries where the referral stands and the latest of its timeline", async () => {
    const { meeting } = await teamAndMeeting();
    const referral = await received({ riskFlags: ["crisis"] });
    await transitionReferral(setup.context, coordinator, referral.id, 1, {
      type: "triage",
      priority: "urgent",
      supportLevel: "intensive",
      needs: ["mental_wellbeing"],
      riskFlags: ["crisis"],
    });
    // The timeline subscriber's part, played here: the referral's story so far.
    const timeline = setup.db.entities.timeline;
    await timeline
      .create({
        referralId: referral.id,
        eventId: "evt_1",
        type: "referral.received",
        at: "2026-11-23T09:00:00.000Z",
        actorName: gp.name,
        data: {},
      })
      .go();
    await timeline
      .create({
        referralId: referral.id,
        eventId: "evt_2",
        type: "referral.triaged",
        at: "2026-11-24T10:00:00.000Z",
        actorName: coordinator.name,
        data: {},
      })
      .go();
    const item = await addAgendaItem(setup.context, pcnWorker, meeting.id, {
      referralId: referral.id,
      reason: "In crisis again",
    });
    expect(item.sbar?.background).toContain(
      `Recently: 23 November 2026 Received (${gp.name}); 24 November 2026 Triaged (${coordinator.name}).`,
    );
    expect(item.sbar?.assessment).toBe("Risks: In crisis.\nTriaged as priority urgent, intensive support.");
    expect(item.sbar?.situation).toBe(
      "In crisis again. Referred on 23 November 2026, triaged and waiting to be allocated.",
    );
  });
});

describe("the access a listing gives", () => {
  it("lasts while the meeting is to come, then 30 days after it ends, and only for the team's members", async () => {
    const { mdt, meeting } = await teamAndMeeting();
    const referral = await received();
    const item = await addAgendaItem(setup.context, gp, meeting.id, { referralId: referral.id, reason: "x" });
    expect(await agendaRelationship(setup.context, vcsWorker, referral.id)).toEqual({
      mdtId: mdt.id,
      meetingId: meeting.id,
      until: "9999-12-31T00:00:00.000Z",
    });
    expect(await agendaRelationship(setup.context, coordinator, referral.id)).toBeUndefined();

    const endedAt = "2026-11-26T15:00:00.000Z";
    await setup.db.entities.agendaItem
      .patch({ meetingId: meeting.id, itemId: item.id })
      .set({ accessUntil: accessUntilAfter(endedAt) })
      .go();
    setup.clock.set("2026-12-26T14:59:00.000Z");
    expect(await agendaRelationship(setup.context, vcsWorker, referral.id)).toMatchObject({
      until: "2026-12-26T15:00:00.000Z",
    });
    setup.clock.set("2026-12-26T15:00:00.000Z");
    expect(await agendaRelationship(setup.context, vcsWorker, referral.id)).toBeUndefined();
    // After that the board is a record: the person appears as initials only.
    const board = await getMeeting(setup.context, gp, meeting.id);
    expect(board.items[0]).toMatchObject({ person: { name: "A. O.", initialsOnly: true }, sbar: null });
  });
});
