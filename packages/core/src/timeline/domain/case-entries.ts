import type { caseEvents } from "../../casework/events";

type CaseEventType = keyof typeof caseEvents;

/** How much of the casework a timeline's viewer may know. */
export type CaseStanding =
  /** The case's link worker and their manager: every coded fact of the case. */
  | "case"
  /** Triage coordinators, who answer the escalation queue: where escalations went, too. */
  | "escalation_queue"
  /** The referrer, MDT members and everyone else who follows the referral, not the case. */
  | "referral";

/**
 * What a casework event tells someone who follows the referral but not the case: that something
 * happened and when, never how the person is (scores, statuses, counts), how they were reached, or
 * where a concern went. Listed field by field, so a field added to an event stays on the case
 * until someone decides otherwise.
 */
const followersSee: Record<CaseEventType, readonly string[]> = {
  "case.contact_recorded": ["contactId", "at", "outcome"],
  "case.plan_saved": ["planVersion"],
  "case.measure_recorded": ["measureId", "tool", "stage"],
  "case.connection_added": ["connectionId", "sector", "status"],
  "case.connection_updated": ["connectionId", "sector", "fromStatus", "status"],
  "case.escalated": ["escalationId"],
  "case.escalation_resolved": ["escalationId"],
};

/** A coordinator answers the queue, so knows where each escalation went and who holds the case. */
const queueSees: Partial<Record<CaseEventType, readonly string[]>> = {
  "case.escalated": ["escalationId", "to", "organisationId"],
  "case.escalation_resolved": ["escalationId", "to"],
};

const isCaseEventType = (type: string): type is CaseEventType => Object.hasOwn(followersSee, type);

/**
 * An event's data as this viewer may see it on the timeline: casework events cut down to what
 * their standing gives (an unknown `case.` event to nothing), every other event unchanged.
 */
export function caseEventDataFor(
  standing: CaseStanding,
  type: string,
  data: Record<string, unknown>,
): Record<string, unknown> {
  if (standing === "case") return data;
  if (!type.startsWith("case.")) return data;
  if (!isCaseEventType(type)) return {};
  const shown = (standing === "escalation_queue" ? queueSees[type] : undefined) ?? followersSee[type];
  return Object.fromEntries(Object.entries(data).filter(([key]) => shown.includes(key)));
}
