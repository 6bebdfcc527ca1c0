import type { UserActor } from "@linkwork/core/actor";
import { londonDate } from "@linkwork/core/calendar/domain/working-days";
import { addConnection } from "@linkwork/core/casework/add-connection";
import type { MeasureRequest } from "@linkwork/core/casework/measure-schema";
import { readCase } from "@linkwork/core/casework/read-case";
import { recordContact } from "@linkwork/core/casework/record-contact";
import { recordMeasure } from "@linkwork/core/casework/record-measure";
import { savePlan } from "@linkwork/core/casework/save-plan";
import type { ContactRequest, PlanRequestInput } from "@linkwork/core/casework/schema";
import { updateConnection } from "@linkwork/core/casework/update-connection";
import type { ConnectionSector, ConnectionStatus } from "@linkwork/core/casework/vocabulary";
import type { Context } from "@linkwork/core/context";
import type { Command } from "@linkwork/core/referral/domain/lifecycle";
import { receiveReferral } from "@linkwork/core/referral/receive";
import {
  type NeedDomain,
  type Referral,
  ReferralCreate,
  type ReferralCreateInput,
} from "@linkwork/core/referral/schema";
import { transitionReferral } from "@linkwork/core/referral/transition";
import { contextAt, demoActor } from "./demo-mdt";

const minuteMilliseconds = 60 * 1000;
const dayMilliseconds = 24 * 60 * minuteMilliseconds;

/** When a step happens, and when the seed that tells it runs (the story's "today"). */
interface Moment {
  at: Date;
  seededAt: Date;
}

/** What one person in the story does to the referral, in a context whose clock is the step's moment. */
type Act = (context: Context, actor: UserActor, referral: Referral, moment: Moment) => Promise<unknown>;

/** One moment of a case's story: `workingDaysAgo` working days before the seed, at `time` (UTC). */
export interface DemoCaseStep {
  workingDaysAgo: number;
  time: `${number}:${number}`;
  by: string;
  act: Act;
}

/** A person the GP referred, when the referral came in, and what happened to it since, oldest first. */
export interface DemoCase {
  referral: ReferralCreateInput;
  received: Pick<DemoCaseStep, "workingDaysAgo" | "time">;
  story: readonly DemoCaseStep[];
}

/** The weekday `count` working days (Monday to Friday) before `now`, at `time` UTC. */
export function workingDaysBefore(now: Date, count: number, time: string): Date {
  const [hours = 0, minutes = 0] = time.split(":").map(Number);
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hours, minutes));
  let remaining = count;
  while (remaining > 0) {
    day.setUTCDate(day.getUTCDate() - 1);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) remaining--;
  }
  return day;
}

const step = (workingDaysAgo: number, time: DemoCaseStep["time"], by: string, act: Act): DemoCaseStep => ({
  workingDaysAgo,
  time,
  by,
  act,
});

/** A lifecycle command on the referral as it stands (its version read afresh). */
const lifecycle =
  (command: Command | ((referral: Referral) => Command)): Act =>
  (context, actor, referral) =>
    transitionReferral(
      context,
      actor,
      referral.id,
      undefined,
      typeof command === "function" ? command(referral) : command,
    );

const triage = (details: Pick<Extract<Command, { type: "triage" }>, "priority" | "supportLevel" | "note">) =>
  lifecycle((referral) => ({
    type: "triage",
    ...details,
    needs: referral.needs,
    riskFlags: referral.riskFlags,
  }));

/** A contact that ended `minutesBefore` the step, when the worker wrote it up. */
const contact =
  (request: Omit<ContactRequest, "at">, minutesBefore = 10): Act =>
  (context, actor, referral, { at }) =>
    recordContact(context, actor, referral.id, {
      ...request,
      at: new Date(
        at.getTime() - ((request.durationMinutes ?? 0) + minutesBefore) * minuteMilliseconds,
      ).toISOString(),
    });

/**
 * Saves the plan over whatever is there (goals already in it keep their ids, found by their text),
 * with the review a number of working days before the seed or calendar days after it.
 */
const plan =
  (
    whatMatters: string,
    goals: Omit<PlanRequestInput["goals"][number], "goalId">[],
    review: { workingDaysAgo: number } | { daysAfterSeed: number },
  ): Act =>
  async (context, actor, referral, { seededAt }) => {
    const current = await readCase(context, actor, referral.id);
    const reviewAt =
      "daysAfterSeed" in review
        ? new Date(seededAt.getTime() + review.daysAfterSeed * dayMilliseconds)
        : workingDaysBefore(seededAt, review.workingDaysAgo, "12:00");
    return savePlan(context, actor, referral.id, {
      version: current.plan.version,
      whatMatters,
      goals: goals.map((goal) => {
        const known = current.plan.goals.find((candidate) => candidate.text === goal.text);
        return known ? { ...goal, goalId: known.goalId } : goal;
      }),
      reviewOn: londonDate(reviewAt),
    });
  };

const measure =
  (request: MeasureRequest): Act =>
  (context, actor, referral) =>
    recordMeasure(context, actor, referral.id, request);

const connect =
  (request: {
    serviceName: string;
    sector: ConnectionSector;
    need: NeedDomain;
    status: ConnectionStatus;
  }): Act =>
  (context, actor, referral) =>
    addConnection(context, actor, referral.id, request);

/** Moves the connection to the named service on. */
const connectionNow =
  (serviceName: string, status: ConnectionStatus): Act =>
  async (context, actor, referral) => {
    const current = await readCase(context, actor, referral.id);
    const found = current.connections.find((connection) => connection.serviceName === serviceName);
    if (!found) throw new Error(`The demo case has no connection to ${serviceName}`);
    return updateConnection(context, actor, referral.id, found.connectionId, {
      version: found.version,
      status,
    });
  };

const gp = "gp@linkwork.test";
const coordinator = "coordinator@linkwork.test";
const pcnManager = "manager.pcn@linkwork.test";
const pcnWorker = "worker.pcn@linkwork.test";
const connectManager = "manager.vcs@linkwork.test";
const connectWorker = "worker.vcs@linkwork.test";

/**
 * Maureen Fletcher, accepted by North Town PCN on the last working day and waiting in its "Ready to pick up"
 * queue: the README's casework walk-through (and its end-to-end test) starts by picking her up.
 */
export const readyToPickUp: DemoCase = {
  referral: {
    person: {
      nhsNumber: "9990008019",
      givenName: "Maureen",
      familyName: "Fletcher",
      dateOfBirth: "1956-03-17",
      postcode: "NS1 2PL",
      gender: "female",
      ethnicity: "A",
      preferredLanguage: "en",
      phone: "07700 900 815",
      preferredContactMethod: "phone",
    },
    source: "gp",
    practiceOds: "A81001",
    reason:
      "Retired in the summer after nursing her mother, who died in March. Lives alone and says the days are long; low mood, and her knees keep her indoors. Would like to get out and meet people.",
    needs: ["loneliness_isolation", "physical_activity", "mental_wellbeing"],
    riskFlags: ["lives_alone"],
    consent: { shareWithProviders: true },
  },
  received: { workingDaysAgo: 1, time: "09:40" },
  story: [
    step(
      1,
      "11:15",
      coordinator,
      triage({
        priority: "routine",
        supportLevel: "supported_connection",
        note: "Happy to be phoned in the mornings.",
      }),
    ),
    step(1, "11:20", coordinator, lifecycle({ type: "allocate", organisationId: "org_north_town_pcn" })),
    step(1, "14:30", pcnManager, lifecycle({ type: "accept" })),
  ],
};

/**
 * Yvonne Baptiste, on the PCN link worker's caseload: picked up over a week ago, a missed call,
 * then a call and a home visit where she said what matters, agreed a plan with two goals and a
 * review a fortnight from the seed, gave her baseline measures and was referred to Citizens Advice.
 */
export const inProgress: DemoCase = {
  referral: {
    person: {
      nhsNumber: "9990009015",
      givenName: "Yvonne",
      familyName: "Baptiste",
      dateOfBirth: "1951-10-04",
      postcode: "NS1 8EJ",
      gender: "female",
      ethnicity: "M",
      preferredLanguage: "en",
      phone: "01632 960 902",
      preferredContactMethod: "phone",
    },
    source: "gp",
    practiceOds: "A81001",
    reason:
      "Her husband moved into a care home in September; she now lives alone and manages the bills for the first time. Anxious about money and the care home fees, and has stopped going to church.",
    needs: ["finance_debt_benefits", "loneliness_isolation", "practical_support"],
    riskFlags: ["lives_alone"],
    consent: { shareWithProviders: true },
  },
  received: { workingDaysAgo: 9, time: "10:05" },
  story: [
    step(
      9,
      "14:40",
      coordinator,
      triage({
        priority: "soon",
        supportLevel: "supported_connection",
        note: "Worried about care home fees: money first.",
      }),
    ),
    step(9, "14:45", coordinator, lifecycle({ type: "allocate", organisationId: "org_north_town_pcn" })),
    step(8, "09:30", pcnManager, lifecycle({ type: "accept" })),
    step(8, "10:15", pcnWorker, lifecycle({ type: "claim" })),
    step(
      8,
      "11:00",
      pcnWorker,
      contact(
        { method: "phone", outcome: "no_answer", note: "No answer and no voicemail. Try after lunch." },
        2,
      ),
    ),
    step(
      7,
      "14:20",
      pcnWorker,
      contact({
        method: "phone",
        outcome: "made_contact",
        durationMinutes: 20,
        note: "Glad of the call. Home visit booked for Tuesday; she will have the care home's letters ready.",
      }),
    ),
    step(
      5,
      "12:00",
      pcnWorker,
      contact(
        {
          method: "home_visit",
          outcome: "made_contact",
          durationMinutes: 75,
          note: "Went through the care home invoices and her bank statements together. Keen to get back to church on Sundays.",
        },
        30,
      ),
    ),
    step(
      5,
      "12:10",
      pcnWorker,
      plan(
        '"Knowing I can pay for Winston\'s care without losing the house, and having people around me again."',
        [
          {
            text: "Get advice on the care home fees and what benefits she can claim",
            importance: 10,
            status: "active",
            actions:
              "Tom to refer her to Citizens Advice; Yvonne to bring the care home contract to the appointment.",
          },
          {
            text: "Back at church on Sundays and the lunch club afterwards",
            importance: 7,
            status: "active",
            actions: "Yvonne to call her friend Marcia about a lift; Tom to find the lunch club's days.",
          },
        ],
        { daysAfterSeed: 14 },
      ),
    ),
    step(
      5,
      "12:15",
      pcnWorker,
      measure({ tool: "swemwbs", stage: "baseline", answers: [2, 3, 2, 2, 3, 2, 2] }),
    ),
    step(
      5,
      "12:17",
      pcnWorker,
      measure({
        tool: "ons4",
        stage: "baseline",
        answers: { lifeSatisfaction: 4, worthwhile: 5, happy: 3, anxious: 8 },
      }),
    ),
    step(
      5,
      "12:20",
      pcnWorker,
      measure({
        tool: "domains",
        stage: "baseline",
        answers: {
          finance_debt_benefits: "not_managing",
          loneliness_isolation: "not_managing",
          practical_support: "getting_support",
        },
      }),
    ),
    step(
      5,
      "12:30",
      pcnWorker,
      connect({
        serviceName: "Citizens Advice Northshire",
        sector: "vcs",
        need: "finance_debt_benefits",
        status: "referred",
      }),
    ),
  ],
};

const walkingGroup = "Riverside Walking for Health";
const mensShed = "North Town Men's Shed";

/**
 * Graham Whitfield, supported by Community Connect for two months and closed three weeks ago with
 * his goals met: a walking group and the Men's Shed attended, his wellbeing up by more than the
 * meaningful change. The GP can read its message back straight away.
 */
export const closedWithMessageBack: DemoCase = {
  referral: {
    person: {
      nhsNumber: "9990010013",
      givenName: "Graham",
      familyName: "Whitfield",
      dateOfBirth: "1966-07-22",
      postcode: "NS2 4LW",
      gender: "male",
      ethnicity: "A",
      preferredLanguage: "en",
      phone: "07700 900 903",
      preferredContactMethod: "phone",
    },
    source: "gp",
    practiceOds: "A81001",
    reason:
      "Heart attack in the spring; finished cardiac rehab but has not been out walking since and has not gone back to work. Low mood, sees nobody since his wife died, and asked about something to do with his hands.",
    needs: ["physical_activity", "loneliness_isolation", "mental_wellbeing"],
    riskFlags: ["lives_alone"],
    consent: { shareWithProviders: true },
  },
  received: { workingDaysAgo: 50, time: "09:20" },
  story: [
    step(
      50,
      "13:10",
      coordinator,
      triage({
        priority: "routine",
        supportLevel: "supported_connection",
        note: "Interested in practical, hands-on groups.",
      }),
    ),
    step(50, "13:15", coordinator, lifecycle({ type: "allocate", organisationId: "org_community_connect" })),
    step(49, "10:00", connectManager, lifecycle({ type: "accept" })),
    step(48, "09:15", connectWorker, lifecycle({ type: "claim" })),
    step(
      48,
      "10:30",
      connectWorker,
      contact({
        method: "phone",
        outcome: "made_contact",
        durationMinutes: 15,
        note: "Agreed to meet at the community centre on Thursday.",
      }),
    ),
    step(
      46,
      "11:30",
      connectWorker,
      contact({
        method: "face_to_face",
        outcome: "made_contact",
        durationMinutes: 60,
        note: "Assessment at the community centre.",
      }),
    ),
    step(
      46,
      "11:40",
      connectWorker,
      plan(
        '"Getting my strength back and having a reason to get out of the house most days."',
        [
          {
            text: "Walking twice a week, building up to the 5k loop by the river",
            importance: 9,
            status: "active",
            actions:
              "Megan to refer him to the Walking for Health group; Graham to walk to the shop and back daily.",
          },
          {
            text: "Something to do with his hands, with other people",
            importance: 8,
            status: "active",
            actions: "Megan to introduce him at the Men's Shed's open morning.",
          },
        ],
        { workingDaysAgo: 26 },
      ),
    ),
    step(
      46,
      "11:45",
      connectWorker,
      measure({ tool: "swemwbs", stage: "baseline", answers: [2, 2, 3, 2, 2, 3, 2] }),
    ),
    step(
      46,
      "11:47",
      connectWorker,
      measure({
        tool: "ons4",
        stage: "baseline",
        answers: { lifeSatisfaction: 3, worthwhile: 4, happy: 3, anxious: 7 },
      }),
    ),
    step(
      46,
      "11:50",
      connectWorker,
      measure({
        tool: "domains",
        stage: "baseline",
        answers: {
          physical_activity: "not_managing",
          loneliness_isolation: "not_managing",
          mental_wellbeing: "getting_support",
        },
      }),
    ),
    step(
      46,
      "12:00",
      connectWorker,
      connect({ serviceName: walkingGroup, sector: "vcs", need: "physical_activity", status: "referred" }),
    ),
    step(
      46,
      "12:05",
      connectWorker,
      connect({ serviceName: mensShed, sector: "vcs", need: "loneliness_isolation", status: "referred" }),
    ),
    step(41, "16:00", connectWorker, connectionNow(walkingGroup, "attended")),
    step(37, "15:30", connectWorker, connectionNow(mensShed, "attended")),
    step(
      26,
      "11:00",
      connectWorker,
      contact({
        method: "phone",
        outcome: "made_contact",
        durationMinutes: 25,
        note: "Review: walking twice a week with the group and at the Shed on Wednesdays.",
      }),
    ),
    step(
      26,
      "11:10",
      connectWorker,
      plan(
        '"Getting my strength back and having a reason to get out of the house most days."',
        [
          {
            text: "Walking twice a week, building up to the 5k loop by the river",
            importance: 9,
            status: "achieved",
            actions: "Walks with the group on Mondays and Fridays; did the 5k loop last week.",
          },
          {
            text: "Something to do with his hands, with other people",
            importance: 8,
            status: "active",
            actions: "At the Men's Shed on Wednesdays, building a bench for the surgery garden.",
          },
        ],
        { workingDaysAgo: 15 },
      ),
    ),
    step(
      26,
      "11:15",
      connectWorker,
      measure({
        tool: "domains",
        stage: "review",
        answers: {
          physical_activity: "managing",
          loneliness_isolation: "getting_support",
          mental_wellbeing: "getting_support",
        },
      }),
    ),
    step(
      15,
      "14:00",
      connectWorker,
      contact({
        method: "face_to_face",
        outcome: "made_contact",
        durationMinutes: 40,
        note: "Closing visit at the Men's Shed. He is happy to carry on without us.",
      }),
    ),
    step(
      15,
      "14:05",
      connectWorker,
      measure({ tool: "swemwbs", stage: "final", answers: [4, 3, 4, 4, 3, 4, 4] }),
    ),
    step(
      15,
      "14:07",
      connectWorker,
      measure({
        tool: "ons4",
        stage: "final",
        answers: { lifeSatisfaction: 7, worthwhile: 7, happy: 6, anxious: 3 },
      }),
    ),
    step(
      15,
      "14:10",
      connectWorker,
      measure({
        tool: "domains",
        stage: "final",
        answers: {
          physical_activity: "thriving",
          loneliness_isolation: "managing",
          mental_wellbeing: "managing",
        },
      }),
    ),
    step(
      15,
      "14:15",
      connectWorker,
      plan(
        '"Getting my strength back and having a reason to get out of the house most days."',
        [
          {
            text: "Walking twice a week, building up to the 5k loop by the river",
            importance: 9,
            status: "achieved",
            actions: "Walks with the group on Mondays and Fridays, and the 5k loop on his own at weekends.",
          },
          {
            text: "Something to do with his hands, with other people",
            importance: 8,
            status: "achieved",
            actions: "A regular at the Men's Shed on Wednesdays; the bench is in the surgery garden.",
          },
        ],
        { workingDaysAgo: 15 },
      ),
    ),
    step(
      15,
      "14:30",
      connectWorker,
      lifecycle({
        type: "close",
        reason: "goals_met",
        summary:
          "Graham met his link worker four times over two months. He now walks with Riverside Walking for Health twice a week (he completed the 5k loop) and goes to North Town Men's Shed every Wednesday, where he has made friends. His wellbeing has risen by more than the meaningful change and he says he feels like himself again. He knows he can be referred again at any time.",
      }),
    ),
  ],
};

/** The demo world's cases, told in this order: the oldest story first. */
export const demoCases: readonly DemoCase[] = [closedWithMessageBack, inProgress, readyToPickUp];

/**
 * Tells each demo case's story through the same use cases as the API, at the moments it happened,
 * unless the GP has already referred that person (a seed run before told it, and whatever
 * happened to the case since is kept). Returns how many referrals it received.
 */
export async function seedDemoCasework(context: Context): Promise<number> {
  const seededAt = context.clock.now();
  const referred = await nhsNumbersReferredBy(context, demoActor(gp).userId);
  let receivedCount = 0;
  for (const demo of demoCases) {
    if (referred.has(demo.referral.person.nhsNumber ?? "")) continue;
    await tellCase(context, demo, seededAt);
    receivedCount++;
  }
  return receivedCount;
}

/** The GP's referral comes in at its moment; each step of the story happens at its own. */
async function tellCase(context: Context, demo: DemoCase, seededAt: Date): Promise<void> {
  const momentOf = (item: DemoCase["received"]) =>
    workingDaysBefore(seededAt, item.workingDaysAgo, item.time);
  const { referral } = await receiveReferral(
    contextAt(context, momentOf(demo.received)),
    demoActor(gp),
    ReferralCreate.parse(demo.referral),
  );
  for (const item of demo.story) {
    const at = momentOf(item);
    await item.act(contextAt(context, at), demoActor(item.by), referral, { at, seededAt });
  }
}

async function nhsNumbersReferredBy(context: Context, referrerId: string): Promise<Set<string>> {
  const referrals = await context.db.entities.referral.query
    .byReferrer({ referrerKey: referrerId })
    .go({ pages: "all" });
  return new Set(referrals.data.map((item) => item.person.nhsNumber ?? ""));
}
