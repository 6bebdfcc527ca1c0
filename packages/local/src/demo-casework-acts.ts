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
import type { NeedDomain, Referral } from "@linkwork/core/referral/schema";
import { transitionReferral } from "@linkwork/core/referral/transition";

const minuteMilliseconds = 60 * 1000;
const dayMilliseconds = 24 * 60 * minuteMilliseconds;

/** When a step happens, and when the seed that tells it runs (the story's "today"). */
export interface Moment {
  at: Date;
  seededAt: Date;
}

/** What one person in the story does to the referral, in a context whose clock is the step's moment. */
export type Act = (
  context: Context,
  actor: UserActor,
  referral: Referral,
  moment: Moment,
) => Promise<unknown>;

type Time = `${number}:${number}`;

/** One moment of a case's story: `workingDaysAgo` working days before the seed, at `time` (UTC). */
export interface DemoCaseStep {
  workingDaysAgo: number;
  time: Time;
  by: string;
  act: Act;
}

const coordinator = "coordinator@linkwork.test";

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

export const step = (workingDaysAgo: number, time: Time, by: string, act: Act): DemoCaseStep => ({
  workingDaysAgo,
  time,
  by,
  act,
});

/** A lifecycle command on the referral as it stands (its version read afresh). */
export const lifecycle =
  (command: Command | ((referral: Referral) => Command)): Act =>
  (context, actor, referral) =>
    transitionReferral(
      context,
      actor,
      referral.id,
      undefined,
      typeof command === "function" ? command(referral) : command,
    );

type TriageDetails = Pick<Extract<Command, { type: "triage" }>, "priority" | "supportLevel" | "note">;

const triage = (details: TriageDetails) =>
  lifecycle((referral) => ({
    type: "triage",
    ...details,
    needs: referral.needs,
    riskFlags: referral.riskFlags,
  }));

/** The coordinator triages the referral as the GP sent it, then allocates it to a provider. */
export const triagedAndAllocated = (
  workingDaysAgo: number,
  [triagedAt, allocatedAt]: [Time, Time],
  organisationId: string,
  details: TriageDetails,
): DemoCaseStep[] => [
  step(workingDaysAgo, triagedAt, coordinator, triage(details)),
  step(workingDaysAgo, allocatedAt, coordinator, lifecycle({ type: "allocate", organisationId })),
];

/** A contact that ended `minutesBefore` the step, when the worker wrote it up. */
export const contact =
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
export const plan =
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

export const measure =
  (request: MeasureRequest): Act =>
  (context, actor, referral) =>
    recordMeasure(context, actor, referral.id, request);

type AnswersTo<Tool extends MeasureRequest["tool"]> = Extract<MeasureRequest, { tool: Tool }>["answers"];

/** SWEMWBS, ONS4 and the need domains, in that order, at the same visit. */
export const allThreeMeasures = (
  workingDaysAgo: number,
  [swemwbsAt, ons4At, domainsAt]: [Time, Time, Time],
  by: string,
  stage: MeasureRequest["stage"],
  answers: { swemwbs: AnswersTo<"swemwbs">; ons4: AnswersTo<"ons4">; domains: AnswersTo<"domains"> },
): DemoCaseStep[] => [
  step(workingDaysAgo, swemwbsAt, by, measure({ tool: "swemwbs", stage, answers: answers.swemwbs })),
  step(workingDaysAgo, ons4At, by, measure({ tool: "ons4", stage, answers: answers.ons4 })),
  step(workingDaysAgo, domainsAt, by, measure({ tool: "domains", stage, answers: answers.domains })),
];

export const connect =
  (request: {
    serviceName: string;
    sector: ConnectionSector;
    need: NeedDomain;
    status: ConnectionStatus;
  }): Act =>
  (context, actor, referral) =>
    addConnection(context, actor, referral.id, request);

/** Moves the connection to the named service on. */
export const connectionNow =
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
