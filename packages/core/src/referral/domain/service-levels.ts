import { addWorkingDays, type WorkingCalendar } from "../../calendar/domain/working-days";
import type { Priority, ReferralStatus } from "../schema";

/** How many working days each step may take; each area may set its own. */
export interface ServiceLevelSettings {
  triageWorkingDays: number;
  acceptanceWorkingDays: number;
  firstContactWorkingDays: number;
  urgentFirstContactWorkingDays: number;
}

export const defaultServiceLevels: ServiceLevelSettings = {
  triageWorkingDays: 2,
  acceptanceWorkingDays: 5,
  firstContactWorkingDays: 5,
  urgentFirstContactWorkingDays: 1,
};

export type ServiceLevelKind = "triage" | "acceptance" | "first_contact";
/** Missing the acceptance deadline is not a breach: the allocation simply returns to triage. */
export type BreachKind = Exclude<ServiceLevelKind, "acceptance">;

export interface ServiceLevelFacts {
  status: ReferralStatus;
  priority?: Priority | undefined;
  receivedAt: string;
  allocatedAt?: string | undefined;
  acceptedAt?: string | undefined;
  breaches?: BreachKind[] | undefined;
}

export interface DueDates {
  triageDueAt: string;
  acceptanceDueAt?: string;
  firstContactDueAt?: string;
}

/** When each step is due, from when the step before it happened. */
export function dueDates(
  referral: ServiceLevelFacts,
  settings: ServiceLevelSettings,
  calendar: WorkingCalendar,
): DueDates {
  const due = (from: string, days: number) => addWorkingDays(new Date(from), days, calendar).toISOString();
  const firstContactDays =
    referral.priority === "urgent"
      ? settings.urgentFirstContactWorkingDays
      : settings.firstContactWorkingDays;
  return {
    triageDueAt: due(referral.receivedAt, settings.triageWorkingDays),
    ...(referral.allocatedAt
      ? { acceptanceDueAt: due(referral.allocatedAt, settings.acceptanceWorkingDays) }
      : {}),
    ...(referral.acceptedAt ? { firstContactDueAt: due(referral.acceptedAt, firstContactDays) } : {}),
  };
}

/** The timer running now, if any: the step the referral is waiting for and when it is due. */
export function runningTimer(
  referral: ServiceLevelFacts,
  dates: DueDates,
): { kind: ServiceLevelKind; dueAt: string } | undefined {
  switch (referral.status) {
    case "received":
      return { kind: "triage", dueAt: dates.triageDueAt };
    case "allocated":
      return dates.acceptanceDueAt ? { kind: "acceptance", dueAt: dates.acceptanceDueAt } : undefined;
    case "accepted":
    case "assigned":
      return dates.firstContactDueAt ? { kind: "first_contact", dueAt: dates.firstContactDueAt } : undefined;
    default:
      return undefined;
  }
}

/** The next moment the sweep must look at this referral, or none: a recorded breach is not raised twice. */
export function nextSweepAt(referral: ServiceLevelFacts, dates: DueDates): string | undefined {
  const timer = runningTimer(referral, dates);
  if (!timer) return undefined;
  if (timer.kind !== "acceptance" && referral.breaches?.includes(timer.kind)) return undefined;
  return timer.dueAt;
}

export type SweepAction =
  | { type: "expire_allocation" }
  | { type: "breach"; kind: "triage" | "first_contact"; dueAt: string }
  | { type: "none" };

/** What the sweep does with a referral whose timer may have run out. */
export function sweepAction(referral: ServiceLevelFacts, dates: DueDates, now: Date): SweepAction {
  const timer = runningTimer(referral, dates);
  if (!timer || Date.parse(timer.dueAt) > now.getTime()) return { type: "none" };
  if (timer.kind === "acceptance") return { type: "expire_allocation" };
  if (referral.breaches?.includes(timer.kind)) return { type: "none" };
  return { type: "breach", kind: timer.kind, dueAt: timer.dueAt };
}

/** Overdue now, for queues: the timer running has passed its due time. */
export function isOverdue(referral: ServiceLevelFacts, dates: DueDates, now: Date): boolean {
  const timer = runningTimer(referral, dates);
  return Boolean(timer && Date.parse(timer.dueAt) <= now.getTime());
}
