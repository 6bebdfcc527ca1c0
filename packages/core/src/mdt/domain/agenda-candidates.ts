import { riskFlagLabels } from "../../referral/labels";
import type { ReferralStatus, RiskFlag } from "../../referral/schema";
import { dayOf, standingOfStatus } from "./wording";

/** The risk flags that put a person with an open referral forward for the team's agenda. */
export const agendaRiskFlags: readonly RiskFlag[] = [
  "high_risk_admission",
  "frequent_attender",
  "safeguarding",
  "crisis",
];

export interface CandidateFacts {
  practiceOds?: string | undefined;
  riskFlags: readonly RiskFlag[];
  status: ReferralStatus;
  receivedAt: string;
}

/** Whether the referral belongs on the candidates of a team covering these practices. */
export function isCandidate(referral: CandidateFacts, practices: readonly string[]): boolean {
  return (
    referral.practiceOds !== undefined &&
    practices.includes(referral.practiceOds) &&
    referral.riskFlags.some((flag) => agendaRiskFlags.includes(flag))
  );
}

/** Why the person is put forward, in words a member can check at a glance. */
export function candidateWhy(referral: CandidateFacts, practiceName: string | undefined): string[] {
  const flags = referral.riskFlags
    .filter((flag) => agendaRiskFlags.includes(flag))
    .map((flag) => `Flagged: ${riskFlagLabels[flag]}`);
  const practice = practiceName ? `${practiceName} (${referral.practiceOds})` : referral.practiceOds;
  return [
    ...flags,
    `Referred at ${practice} on ${dayOf(referral.receivedAt)}, ${standingOfStatus[referral.status]}`,
  ];
}
