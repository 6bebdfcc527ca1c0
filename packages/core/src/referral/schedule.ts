import type { AreaTimers } from "../settings/service-levels";
import { queueRank } from "./domain/queue-rank";
import { dueDates, nextSweepAt, type ServiceLevelFacts } from "./domain/service-levels";
import type { Priority, RiskFlag } from "./schema";

/**
 * The stored fields that follow from a referral's state: its place in the queue and its
 * service-level timers. Recomputed on every write so they can never drift from the state.
 */
export function scheduleFields(
  referral: ServiceLevelFacts & { priority?: Priority | undefined; riskFlags: readonly RiskFlag[] },
  timers: AreaTimers,
) {
  const dates = dueDates(referral, timers.serviceLevels, timers.calendar);
  const sweepAt = nextSweepAt(referral, dates);
  return {
    queueRank: queueRank(referral.priority, referral.riskFlags),
    triageDueAt: dates.triageDueAt,
    acceptanceDueAt: dates.acceptanceDueAt,
    firstContactDueAt: dates.firstContactDueAt,
    sweepState: sweepAt ? ("due" as const) : ("none" as const),
    // Always set, as the index key needs it; without a timer the referral sits under "none".
    nextSweepAt: sweepAt ?? "none",
  };
}
