import type { UserActor } from "@linkwork/core/actor";
import { areaOf } from "@linkwork/core/area/area";
import { londonDate } from "@linkwork/core/calendar/domain/working-days";
import type { Context } from "@linkwork/core/context";
import { addAgendaItem } from "@linkwork/core/mdt/add-item";
import { createMdt } from "@linkwork/core/mdt/create-mdt";
import { endMeeting } from "@linkwork/core/mdt/end-meeting";
import { listCandidates } from "@linkwork/core/mdt/list-candidates";
import { listMeetings } from "@linkwork/core/mdt/list-meetings";
import { recordOutcome } from "@linkwork/core/mdt/outcome-record";
import { planMeeting } from "@linkwork/core/mdt/plan-meeting";
import { recordAttendance } from "@linkwork/core/mdt/record-attendance";
import type { Mdt, MdtCreate } from "@linkwork/core/mdt/schema";
import { startMeeting } from "@linkwork/core/mdt/start-meeting";
import { fixedClock } from "@linkwork/core/util/clock";
import { demoUsers } from "./demo-world";

const minuteMilliseconds = 60 * 1000;
const dayMilliseconds = 24 * 60 * minuteMilliseconds;

/**
 * The demo's MDT: Riverside Surgery and Hillside Medical Centre, chaired by Riverside's GP, with
 * the PCN's link worker and community nurse, Community Connect's link worker (voluntary sector,
 * so they see people who did not consent to share as initials) and the council's social worker.
 */
export const demoMdt = {
  name: "Riverside and Hillside MDT",
  practices: ["A81001", "A81002"],
  chairUserId: "usr_gp",
  memberUserIds: ["usr_worker_pcn", "usr_community_nurse", "usr_worker_vcs", "usr_social_worker"],
  cadenceDays: 14,
} satisfies MdtCreate;

export interface DemoTeam {
  mdt: Mdt;
  /** The demo's people as they act in it: `as("gp@linkwork.test")`. */
  as: (email: string) => UserActor;
}

/** One part of the team's story, told through the same use cases as the API. */
export type DemoTeamStep = (context: Context, team: DemoTeam) => Promise<void>;

/** One of the demo world's sign-ins, as an actor of the use cases. */
export function demoActor(email: string): UserActor {
  const found = demoUsers.find((candidate) => candidate.email === email);
  if (!found) throw new Error(`The demo world has no ${email}`);
  const { userId, name, roles, organisationId } = found;
  return { type: "user", userId, email, name, roles, organisationId };
}

/** The same world seen at another moment, for a step that happened before now (a past meeting). */
export function contextAt(context: Context, at: Date | string): Context {
  return { ...context, clock: fixedClock(at) };
}

/** The next working day at 12:30 UTC: the demo's meeting is always in the coming week. */
export function nextWorkingDayLunchtime(now: Date): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 12, 30));
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

/** The team's last meeting: one cadence before this week's, so ending it planned this week's. */
export function lastMeetingStart(now: Date): Date {
  return new Date(nextWorkingDayLunchtime(now).getTime() - demoMdt.cadenceDays * dayMilliseconds);
}

/**
 * When the referrals the last meeting discussed came in: from 09:00 UTC on the working day a
 * fortnight before it (four weeks before this week's meeting), twenty minutes apart, in `order`.
 */
export function receivedBeforeLastMeeting(now: Date, order: number): Date {
  const meeting = lastMeetingStart(now);
  return new Date(
    Date.UTC(meeting.getUTCFullYear(), meeting.getUTCMonth(), meeting.getUTCDate() - 14, 9, order * 20),
  );
}

/**
 * What the last meeting came to. Albert Greene's support was agreed, with actions for Community
 * Connect, the PCN and the council, each due some days after the meeting (the first two have
 * passed by now and are still open; the council's is still ahead). The team ran out of time
 * before Edith Thornton, so she carries over to this week's meeting.
 */
export const lastMeeting = {
  attendees: ["usr_gp", "usr_community_nurse", "usr_worker_vcs", "usr_social_worker"],
  decided: {
    nhsNumber: "9990005478",
    reason:
      "High risk of hospital admission: two admissions after falls; agree who leads his support at home",
    decision:
      "Support at home before another fall: Community Connect to match a befriender and arrange help with the weekly shop; the community nurse to review falls and home safety; the council to assess his needs for care and support. Review progress at the next meeting.",
    actions: [
      {
        description: "Match Albert with a male befriender and arrange help with the weekly shop",
        ownerOrganisationId: "org_community_connect",
        ownerUserId: "usr_worker_vcs",
        dueDaysAfter: 7,
      },
      {
        description: "Falls and home-safety review at home, with a pendant alarm if he agrees",
        ownerOrganisationId: "org_north_town_pcn",
        ownerUserId: "usr_community_nurse",
        dueDaysAfter: 10,
      },
      {
        description: "Care Act assessment of his needs for care and support at home",
        ownerOrganisationId: "org_northshire_council",
        dueDaysAfter: 28,
      },
    ],
  },
  notReached: {
    nhsNumber: "9990001014",
    reason: "Frequent attender: four visits in two months with low mood; who can reach her at home?",
  },
} as const;

/**
 * The team's last meeting, told at the moments it happened: the chair planned it a week ahead and
 * listed the two people the practices had triaged for it; at the meeting the attendance was taken,
 * Albert Greene's outcome typed with its actions, and the chair ended it with Edith Thornton not
 * reached, which planned the next meeting a cadence later and carried her over to it.
 */
export const holdLastMeeting: DemoTeamStep = async (context, team) => {
  const startsAt = lastMeetingStart(context.clock.now());
  const at = (minutes: number) =>
    contextAt(context, new Date(startsAt.getTime() + minutes * minuteMilliseconds));
  const weekBefore = -7 * 24 * 60;
  const gp = team.as("gp@linkwork.test");
  const planned = await planMeeting(at(weekBefore), gp, team.mdt.id, {
    startsAt: startsAt.toISOString(),
    durationMinutes: 90,
  });
  const albert = await addAgendaItem(at(weekBefore + 10), gp, planned.id, {
    referralId: await triagedReferralOf(context, lastMeeting.decided.nhsNumber),
    reason: lastMeeting.decided.reason,
  });
  await addAgendaItem(at(weekBefore + 15), gp, planned.id, {
    referralId: await triagedReferralOf(context, lastMeeting.notReached.nhsNumber),
    reason: lastMeeting.notReached.reason,
  });
  const started = await startMeeting(at(0), gp, planned.id, { version: planned.version });
  const present = await recordAttendance(at(2), gp, planned.id, {
    version: started.version,
    attendees: lastMeeting.attendees,
  });
  await recordOutcome(at(25), gp, planned.id, albert.id, {
    version: albert.version,
    decision: lastMeeting.decided.decision,
    actions: lastMeeting.decided.actions.map(({ dueDaysAfter, ...action }) => ({
      ...action,
      dueOn: londonDate(new Date(startsAt.getTime() + dueDaysAfter * dayMilliseconds)),
    })),
  });
  await endMeeting(at(90), gp, planned.id, { version: present.version });
};

/** The open referral, triaged before the last meeting, of the person with this NHS number. */
async function triagedReferralOf(context: Context, nhsNumber: string): Promise<string> {
  const triaged = await context.db.entities.referral.query
    .byStatus({ areaId: areaOf(context), status: "triaged" })
    .go({ pages: "all" });
  const found = triaged.data.find((referral) => referral.person.nhsNumber === nhsNumber);
  if (!found) throw new Error(`The demo world has no triaged referral for NHS number ${nhsNumber}`);
  return found.referralId;
}

/**
 * This week's meeting (the one the last meeting's end planned, or a new one), its agenda prepared
 * from the candidates the team's practices put forward; anyone carried over is already on it.
 */
export const prepareThisWeeksMeeting: DemoTeamStep = async (context, team) => {
  const gp = team.as("gp@linkwork.test");
  const now = context.clock.now();
  const upcoming = (await listMeetings(context, gp, team.mdt.id)).find(
    (meeting) => meeting.status === "planned" && Date.parse(meeting.startsAt) > now.getTime(),
  );
  const meeting =
    upcoming ??
    (await planMeeting(context, gp, team.mdt.id, {
      startsAt: nextWorkingDayLunchtime(now).toISOString(),
      durationMinutes: 90,
    }));
  for (const candidate of await listCandidates(context, gp, meeting.id)) {
    // Left among the suggestions, so that whoever tries the demo can list someone themselves.
    if (candidate.name === leftSuggested) continue;
    const flags = candidate.why.filter((why) => why.startsWith("Flagged: ")).map((why) => why.slice(9));
    await addAgendaItem(context, gp, meeting.id, {
      referralId: candidate.referralId,
      reason: `${flags.join(", ")}: review support and who leads`,
    });
  }
};

/** The flagged person this week's agenda leaves to be added in the walkthrough. */
export const leftSuggested = "Roy Pritchard";

/** What the demo team has been through, oldest first; each step runs once, when the team is set up. */
export const demoTeamHistory: readonly DemoTeamStep[] = [holdLastMeeting, prepareThisWeeksMeeting];

/** Whether the demo's team is already in the area: its story has then been told. */
export async function demoMdtExists(context: Context): Promise<boolean> {
  const existing = await context.db.entities.mdt.query
    .byArea({ areaId: areaOf(context) })
    .begins({ name: demoMdt.name })
    .go({ pages: "all" });
  return existing.data.some((item) => item.name === demoMdt.name);
}

/**
 * Sets up the demo's MDT and its story, once: a database that already has a team of that name
 * in the area is left as it is. The team was formed a fortnight before the referrals its last
 * meeting discussed came in, so it is there before anything it did.
 */
export async function seedDemoMdt(
  context: Context,
  history: readonly DemoTeamStep[] = demoTeamHistory,
): Promise<boolean> {
  if (await demoMdtExists(context)) return false;
  const formedAt = new Date(lastMeetingStart(context.clock.now()).getTime() - 28 * dayMilliseconds);
  const mdt = await createMdt(contextAt(context, formedAt), demoActor("admin@linkwork.test"), demoMdt);
  for (const step of history) await step(context, { mdt, as: demoActor });
  return true;
}
