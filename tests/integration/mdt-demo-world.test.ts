import type { UserActor } from "@linkwork/core/actor";
import { eventTypesAbout, isEventOf, parseEvent } from "@linkwork/core/event/catalogue";
import { listMyActions } from "@linkwork/core/mdt/actions-list";
import { getMeeting } from "@linkwork/core/mdt/get-meeting";
import { listCandidates } from "@linkwork/core/mdt/list-candidates";
import { listMdts } from "@linkwork/core/mdt/list-mdts";
import { listMeetings } from "@linkwork/core/mdt/list-meetings";
import { readMeetingSummary } from "@linkwork/core/mdt/summary";
import { sweepServiceLevels } from "@linkwork/core/referral/sweep";
import { readTimeline } from "@linkwork/core/timeline/read";
import { recordTimelineEntry } from "@linkwork/core/timeline/record";
import { demoMdt, lastMeeting, leftSuggested, nextWorkingDayLunchtime } from "@linkwork/local/demo-mdt";
import { seedDemoWorld } from "@linkwork/local/seed";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestContext } from "../support/database";
import { staff } from "../support/world";

let setup: Awaited<ReturnType<typeof createTestContext>>;
const as = (email: string): UserActor => ({ type: "user", ...staff(email) });
const gp = as("gp@linkwork.test");

/** The seed's day is a Friday: this week's meeting is on the Monday, the last one a fortnight before. */
const seedDay = "2026-11-27T16:00:00.000Z";
const thisWeek = "2026-11-30T12:30:00.000Z";
const lastWeek = "2026-11-16T12:30:00.000Z";

beforeAll(async () => {
  setup = await createTestContext(seedDay);
  await seedDemoWorld(setup.context);
});

async function meetingsOfTheTeam() {
  const [mdt] = await listMdts(setup.context, gp);
  const meetings = await listMeetings(setup.context, gp, mdt?.id ?? "");
  const upcoming = meetings.find((meeting) => meeting.status === "planned");
  const past = meetings.find((meeting) => meeting.status === "ended");
  if (!upcoming || !past) throw new Error("The demo team has no past and planned meeting");
  return { meetings, upcoming, past };
}

async function referralIdOf(nhsNumber: string): Promise<string> {
  const referrals = await setup.db.entities.referral.scan.go({ pages: "all" });
  const found = referrals.data.find((referral) => referral.person.nhsNumber === nhsNumber);
  if (!found) throw new Error(`No referral for ${nhsNumber}`);
  return found.referralId;
}

/** What the timeline subscriber does with every referral event the relay publishes. */
async function relayReferralEventsToTimelines() {
  const outbox = await setup.db.entities.outbox.scan.go({ pages: "all" });
  for (const { eventId, type, occurredAt, actor, subject, data } of outbox.data) {
    const event = parseEvent({ id: eventId, type, occurredAt, actor, subject, data });
    if (isEventOf(event, eventTypesAbout("referral"))) await recordTimelineEntry(setup.db, event);
  }
}

describe("the demo world's MDT", () => {
  it("is Riverside and Hillside's, chaired by the GP, with the PCN, Community Connect and the council", async () => {
    const [mdt] = await listMdts(setup.context, gp);
    expect(mdt).toMatchObject({ name: demoMdt.name, practices: ["A81001", "A81002"], chairUserId: "usr_gp" });
    expect(mdt?.members.map((member) => [member.name, member.organisationId])).toEqual([
      ["Dr Priya Shah", "org_riverside"],
      ["Tom Gallagher", "org_north_town_pcn"],
      ["Ben Adeyemi", "org_north_town_pcn"],
      ["Megan Hughes", "org_community_connect"],
      ["Sarah O'Connell", "org_northshire_council"],
    ]);
    for (const email of ["social.worker@linkwork.test", "community.nurse@linkwork.test"]) {
      expect(await listMdts(setup.context, as(email))).toHaveLength(1);
    }
  });

  it("held its last meeting a cadence before this week's: attended, started and ended by the chair", async () => {
    const { meetings, past } = await meetingsOfTheTeam();
    expect(meetings.map((meeting) => [meeting.startsAt, meeting.status])).toEqual([
      [thisWeek, "planned"],
      [lastWeek, "ended"],
    ]);
    expect(past).toMatchObject({
      attendees: lastMeeting.attendees,
      startedAt: lastWeek,
      endedAt: "2026-11-16T14:00:00.000Z",
    });
  });

  it("decided Albert Greene's support there, with actions for Community Connect, the PCN and the council", async () => {
    const { past, upcoming } = await meetingsOfTheTeam();
    const board = await getMeeting(setup.context, gp, past.id);
    const albert = board.items.find((item) => item.person.name === "Albert Greene");
    expect(albert).toMatchObject({ column: "decided", outcome: { decision: lastMeeting.decided.decision } });
    expect(
      albert?.outcome?.actions.map((action) => [
        action.ownerOrganisationId,
        action.ownerUserId,
        action.dueOn,
      ]),
    ).toEqual([
      ["org_community_connect", "usr_worker_vcs", "2026-11-23"],
      ["org_north_town_pcn", "usr_community_nurse", "2026-11-26"],
      ["org_northshire_council", undefined, "2026-12-14"],
    ]);
    const summary = await readMeetingSummary(setup.context, gp, past.id);
    expect(
      summary.items.map((line) => [line.person.name, line.decision, line.actions.length, line.rolledTo]),
    ).toEqual([
      ["Albert Greene", lastMeeting.decided.decision, 3, undefined],
      ["Edith Thornton", undefined, 0, upcoming.id],
    ]);
  });

  it("keeps the last meeting's actions open, due before and after the seed day, on this week's agenda", async () => {
    const { upcoming } = await meetingsOfTheTeam();
    const board = await getMeeting(setup.context, gp, upcoming.id);
    expect(
      board.openActions.map((action) => [action.ownerOrganisationId, action.dueOn, action.status]),
    ).toEqual([
      ["org_community_connect", "2026-11-23", "open"],
      ["org_north_town_pcn", "2026-11-26", "open"],
      ["org_northshire_council", "2026-12-14", "open"],
    ]);
  });

  it.each([
    ["worker.vcs@linkwork.test", ["org_community_connect"]],
    ["manager.vcs@linkwork.test", ["org_community_connect"]],
    ["community.nurse@linkwork.test", ["org_north_town_pcn"]],
    ["worker.pcn@linkwork.test", ["org_north_town_pcn"]],
    ["social.worker@linkwork.test", ["org_northshire_council"]],
    ["worker.carers@linkwork.test", []],
    // The council's commissioner shares its organisation but never sees anything about a person.
    ["commissioner@linkwork.test", []],
  ])("puts each action on its owners' list: %s sees %j", async (email, owners) => {
    const actions = await listMyActions(setup.context, as(email));
    expect(actions.map((action) => action.ownerOrganisationId)).toEqual(owners);
    expect(actions.every((action) => action.status === "open")).toBe(true);
  });

  it("has this week's meeting with Edith Thornton carried over, then the flagged people, SBARs pre-filled", async () => {
    const { upcoming, past } = await meetingsOfTheTeam();
    const board = await getMeeting(setup.context, gp, upcoming.id);
    expect(board.items.map((item) => [item.person.name, item.reason, item.rolledFrom])).toEqual([
      [
        "Edith Thornton",
        `Not reached at the meeting on 16 November 2026. ${lastMeeting.notReached.reason}`,
        past.id,
      ],
      ["Albert Greene", "High risk of hospital admission: review support and who leads", undefined],
    ]);
    expect(board.items.every((item) => item.sbar?.background.startsWith("Reason for referral:"))).toBe(true);
  });

  it("leaves one flagged person suggested for the walkthrough, shown outside the NHS as initials", async () => {
    const { upcoming } = await meetingsOfTheTeam();
    const suggested = await listCandidates(setup.context, gp, upcoming.id);
    expect(suggested.map((candidate) => [candidate.name, candidate.riskFlags])).toEqual([
      [leftSuggested, ["crisis", "frequent_attender"]],
    ]);
    // Roy did not agree to share with providers: Community Connect's worker sees his initials.
    const outsideNhs = await listCandidates(setup.context, as("worker.vcs@linkwork.test"), upcoming.id);
    expect(outsideNhs.map((candidate) => candidate.name)).toEqual(["R. P."]);
  });

  it("tells the discussed people's timelines in order: received and triaged weeks ago, then discussed", async () => {
    const { upcoming, past } = await meetingsOfTheTeam();
    await relayReferralEventsToTimelines();
    const albert = await readTimeline(setup.context, gp, await referralIdOf(lastMeeting.decided.nhsNumber));
    expect(albert.map((entry) => [entry.type, entry.at])).toEqual([
      ["referral.received", "2026-11-02T09:20:00.000Z"],
      ["referral.triaged", "2026-11-02T11:20:00.000Z"],
      ["referral.discussed_at_mdt", "2026-11-16T14:00:00.000Z"],
    ]);
    expect(albert.at(-1)?.data).toMatchObject({
      meetingId: past.id,
      mdtName: demoMdt.name,
      decision: lastMeeting.decided.decision,
    });
    const edith = await readTimeline(setup.context, gp, await referralIdOf(lastMeeting.notReached.nhsNumber));
    expect(edith.map((entry) => [entry.type, entry.at])).toEqual([
      ["referral.received", "2026-11-02T09:00:00.000Z"],
      ["referral.triaged", "2026-11-02T11:00:00.000Z"],
      ["referral.discussed_at_mdt", "2026-11-16T14:00:00.000Z"],
    ]);
    expect(edith.at(-1)?.data).toMatchObject({ meetingId: past.id, rolledTo: upcoming.id, actions: [] });
  });

  it("leaves no service level run out on the seed day: the referrals from weeks ago were triaged in time", async () => {
    expect(await sweepServiceLevels(setup.context)).toEqual({ expired: [], breached: [] });
  });

  it("is set up once: seeding again adds no team, meeting, action or referral", async () => {
    const counts = async () => {
      const { entities } = setup.db;
      const [teams, meetings, actions, referrals] = await Promise.all([
        entities.mdt.scan.go({ pages: "all" }),
        entities.meeting.scan.go({ pages: "all" }),
        entities.action.scan.go({ pages: "all" }),
        entities.referral.scan.go({ pages: "all" }),
      ]);
      return [teams.data.length, meetings.data.length, actions.data.length, referrals.data.length];
    };
    // Ten referrals: the seven of the triage and MDT stories, and the three demo cases
    // (demo-casework.ts), none of them flagged for the MDT, so its agenda and candidates are as they were.
    expect(await counts()).toEqual([1, 2, 3, 10]);
    expect(await seedDemoWorld(setup.context)).toEqual({
      organisations: 0,
      practices: 0,
      users: 0,
      referrals: 0,
    });
    expect(await counts()).toEqual([1, 2, 3, 10]);
  });

  it("plans on the next working day", () => {
    expect(nextWorkingDayLunchtime(new Date("2026-11-30T09:00:00Z")).toISOString()).toBe(
      "2026-12-01T12:30:00.000Z",
    );
    expect(nextWorkingDayLunchtime(new Date("2026-12-05T09:00:00Z")).toISOString()).toBe(
      "2026-12-07T12:30:00.000Z",
    );
  });
});
