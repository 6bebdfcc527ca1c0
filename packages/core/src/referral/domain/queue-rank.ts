import type { Priority, RiskFlag } from "../schema";

const rankOfPriority: Record<Priority, string> = { urgent: "1", soon: "2", routine: "3" };

/**
 * Queues sort by this, then by age. Once triaged, the priority decides; before that, the risks
 * the referrer flagged, so someone in crisis is seen first even before anyone has triaged them.
 */
export function queueRank(priority: Priority | undefined, riskFlags: readonly RiskFlag[]): string {
  if (priority) return rankOfPriority[priority];
  if (riskFlags.includes("crisis") || riskFlags.includes("safeguarding")) return rankOfPriority.urgent;
  if (riskFlags.includes("high_risk_admission") || riskFlags.includes("frequent_attender"))
    return rankOfPriority.soon;
  return rankOfPriority.routine;
}
