import type { Context } from "@linkwork/core/context";
import { receiveReferral } from "@linkwork/core/referral/receive";
import { ReferralCreate, type ReferralCreateInput } from "@linkwork/core/referral/schema";
import {
  allThreeMeasures,
  connect,
  connectionNow,
  contact,
  type DemoCaseStep,
  lifecycle,
  measure,
  plan,
  step,
  triagedAndAllocated,
  workingDaysBefore,
} from "./demo-casework-acts";
import { grahamWhitfield, maureenFletcher, yvonneBaptiste } from "./demo-casework-people";
import { contextAt, demoActor } from "./demo-mdt";

export { workingDaysBefore } from "./demo-casework-acts";

/** A person the GP referred, when the referral came in, and what happened to it since, oldest first. */
export interface DemoCase {
  referral: ReferralCreateInput;
  received: Pick<DemoCaseStep, "workingDaysAgo" | "time">;
  story: readonly DemoCaseStep[];
}

const gp = "gp@linkwork.test";
const pcnManager = "manager.pcn@linkwork.test";
const pcnWorker = "worker.pcn@linkwork.test";
const connectManager = "manager.vcs@linkwork.test";
const connectWorker = "worker.vcs@linkwork.test";

/**
 * Maureen Fletcher, accepted by North Town PCN on the last working day and waiting in its "Ready to pick up"
 * queue: the README's casework walk-through (and its end-to-end test) starts by picking her up.
 */
export const readyToPickUp: DemoCase = {
  referral: maureenFletcher,
  received: { workingDaysAgo: 1, time: "09:40" },
  story: [
    ...triagedAndAllocated(1, ["11:15", "11:20"], "org_north_town_pcn", {
      priority: "routine",
      supportLevel: "supported_connection",
      note: "Happy to be phoned in the mornings.",
    }),
    step(1, "14:30", pcnManager, lifecycle({ type: "accept" })),
  ],
};

/**
 * Yvonne Baptiste, on the PCN link worker's caseload: picked up over a week ago, a missed call,
 * then a call and a home visit where she said what matters, agreed a plan with two goals and a
 * review a fortnight from the seed, gave her baseline measures and was referred to Citizens Advice.
 */
export const inProgress: DemoCase = {
  referral: yvonneBaptiste,
  received: { workingDaysAgo: 9, time: "10:05" },
  story: [
    ...triagedAndAllocated(9, ["14:40", "14:45"], "org_north_town_pcn", {
      priority: "soon",
      supportLevel: "supported_connection",
      note: "Worried about care home fees: money first.",
    }),
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
    ...allThreeMeasures(5, ["12:15", "12:17", "12:20"], pcnWorker, "baseline", {
      swemwbs: [2, 3, 2, 2, 3, 2, 2],
      ons4: { lifeSatisfaction: 4, worthwhile: 5, happy: 3, anxious: 8 },
      domains: {
        finance_debt_benefits: "not_managing",
        loneliness_isolation: "not_managing",
        practical_support: "getting_support",
      },
    }),
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

type GoalProgress = Pick<Parameters<typeof plan>[1][number], "status" | "actions">;

/** Graham's plan keeps what matters and both goals throughout; only their progress moves on. */
const grahamsPlan = (walking: GoalProgress, hands: GoalProgress, review: Parameters<typeof plan>[2]) =>
  plan(
    '"Getting my strength back and having a reason to get out of the house most days."',
    [
      { text: "Walking twice a week, building up to the 5k loop by the river", importance: 9, ...walking },
      { text: "Something to do with his hands, with other people", importance: 8, ...hands },
    ],
    review,
  );

/**
 * Graham Whitfield, supported by Community Connect for two months and closed three weeks ago with
 * his goals met: a walking group and the Men's Shed attended, his wellbeing up by more than the
 * meaningful change. The GP can read its message back straight away.
 */
export const closedWithMessageBack: DemoCase = {
  referral: grahamWhitfield,
  received: { workingDaysAgo: 50, time: "09:20" },
  story: [
    ...triagedAndAllocated(50, ["13:10", "13:15"], "org_community_connect", {
      priority: "routine",
      supportLevel: "supported_connection",
      note: "Interested in practical, hands-on groups.",
    }),
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
      grahamsPlan(
        {
          status: "active",
          actions:
            "Megan to refer him to the Walking for Health group; Graham to walk to the shop and back daily.",
        },
        { status: "active", actions: "Megan to introduce him at the Men's Shed's open morning." },
        { workingDaysAgo: 26 },
      ),
    ),
    ...allThreeMeasures(46, ["11:45", "11:47", "11:50"], connectWorker, "baseline", {
      swemwbs: [2, 2, 3, 2, 2, 3, 2],
      ons4: { lifeSatisfaction: 3, worthwhile: 4, happy: 3, anxious: 7 },
      domains: {
        physical_activity: "not_managing",
        loneliness_isolation: "not_managing",
        mental_wellbeing: "getting_support",
      },
    }),
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
      grahamsPlan(
        {
          status: "achieved",
          actions: "Walks with the group on Mondays and Fridays; did the 5k loop last week.",
        },
        {
          status: "active",
          actions: "At the Men's Shed on Wednesdays, building a bench for the surgery garden.",
        },
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
    ...allThreeMeasures(15, ["14:05", "14:07", "14:10"], connectWorker, "final", {
      swemwbs: [4, 3, 4, 4, 3, 4, 4],
      ons4: { lifeSatisfaction: 7, worthwhile: 7, happy: 6, anxious: 3 },
      domains: {
        physical_activity: "thriving",
        loneliness_isolation: "managing",
        mental_wellbeing: "managing",
      },
    }),
    step(
      15,
      "14:15",
      connectWorker,
      grahamsPlan(
        {
          status: "achieved",
          actions: "Walks with the group on Mondays and Fridays, and the 5k loop on his own at weekends.",
        },
        {
          status: "achieved",
          actions: "A regular at the Men's Shed on Wednesdays; the bench is in the surgery garden.",
        },
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
  // The three stories touch different referrals and caseloads, so they are told side by side.
  const untold = demoCases.filter((demo) => !referred.has(demo.referral.person.nhsNumber ?? ""));
  await Promise.all(untold.map((demo) => tellCase(context, demo, seededAt)));
  return untold.length;
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
