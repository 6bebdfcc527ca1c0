import { type EscalationTarget, escalationTargets } from "../vocabulary";

/**
 * Where a case stands escalated, from its open escalations: each target once, in the vocabulary's
 * order, so the referral's denormalised list compares equal whatever order they were raised in.
 */
export function openTargets(open: ReadonlyArray<{ to: EscalationTarget }>): EscalationTarget[] {
  return escalationTargets.filter((target) => open.some((escalation) => escalation.to === target));
}
