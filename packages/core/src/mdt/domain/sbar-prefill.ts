import { needLabels, priorityLabels, riskFlagLabels, supportLevelLabels } from "../../referral/labels";
import type { NeedDomain, Priority, ReferralStatus, RiskFlag, SupportLevel } from "../../referral/schema";
import type { Sbar } from "../schema";
import { dayOf, standingOfStatus } from "./wording";

export interface SbarFacts {
  /** Why the member is listing the person. */
  listingReason: string;
  referralReason: string;
  needs: readonly NeedDomain[];
  riskFlags: readonly RiskFlag[];
  status: ReferralStatus;
  receivedAt: string;
  priority?: Priority | undefined;
  supportLevel?: SupportLevel | undefined;
  organisationName?: string | undefined;
  /** The referral's timeline, oldest first. */
  timeline: readonly { type: string; at: string; actorName?: string | undefined }[];
}

/** How many of the latest timeline entries the background carries. */
export const recentTimelineEntries = 5;

/** The member's words as a sentence, so the record's words can follow them. */
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

const list = (items: readonly string[]) => (items.length > 0 ? items.join(", ") : "none recorded");

/** "referral.allocation_expired" reads as "Allocation expired". */
function describeEvent(type: string): string {
  const words = (type.split(".").pop() ?? type).replaceAll("_", " ");
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/**
 * The SBAR a listing starts from, drawn from the record (the reason for referral, needs, risks and
 * the latest of its timeline), so the meeting does not begin from a blank page. Members edit it.
 */
export function prefillSbar(facts: SbarFacts): Sbar {
  const recent = facts.timeline.slice(-recentTimelineEntries).map((entry) => {
    const by = entry.actorName ? ` (${entry.actorName})` : "";
    return `${dayOf(entry.at)} ${describeEvent(entry.type)}${by}`;
  });
  const where = facts.organisationName ? ` with ${facts.organisationName}` : "";
  const triage = [
    facts.priority ? `priority ${priorityLabels[facts.priority].toLowerCase()}` : undefined,
    facts.supportLevel ? supportLevelLabels[facts.supportLevel].toLowerCase() : undefined,
  ].filter((part): part is string => part !== undefined);
  return {
    situation: `${sentence(facts.listingReason)} Referred on ${dayOf(facts.receivedAt)}, ${standingOfStatus[facts.status]}${where}.`,
    background: [
      `Reason for referral: ${facts.referralReason}`,
      `Needs: ${list(facts.needs.map((need) => needLabels[need]))}.`,
      recent.length > 0 ? `Recently: ${recent.join("; ")}.` : "Nothing recorded since the referral.",
    ].join("\n"),
    assessment: [
      `Risks: ${list(facts.riskFlags.map((flag) => riskFlagLabels[flag]))}.`,
      ...(triage.length > 0 ? [`Triaged as ${triage.join(", ")}.`] : ["Not yet triaged."]),
    ].join("\n"),
    recommendation: recommendationFor(facts.status),
  };
}

function recommendationFor(status: ReferralStatus): string {
  switch (status) {
    case "received":
    case "triaged":
      return "Agree the support needed and allocate it from the board.";
    case "allocated":
      return "Check the allocation is accepted, or choose another provider.";
    case "accepted":
    case "assigned":
    case "active":
      return "Review progress with the link worker and agree any actions.";
    case "closed":
    case "withdrawn":
      return "Decide whether further support is needed.";
  }
}
