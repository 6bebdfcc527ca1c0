import { ClosureReason, Priority, ReferralSource, SupportLevel } from "@linkwork/core/referral/schema";
import { formatDateTime } from "../format/dates";
import { describeCaseEvent } from "./case-timeline-labels";
import { closureReasonLabels, priorityLabels, sourceLabels, supportLevelLabels } from "./referral-labels";

export interface TimelineEvent {
  type: string;
  data: Record<string, unknown>;
}

export interface TimelineDescription {
  title: string;
  /** The facts that matter about it: the reason given, the priority set, the note left. */
  details: string[];
}

type OrganisationName = (organisationId: string | undefined) => string | undefined;

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : undefined);
const lines = (...items: (string | undefined)[]) =>
  items.filter((item): item is string => item !== undefined);
const labelled = (label: string, value: unknown) => (text(value) ? `${label}: ${text(value)}` : undefined);

/** Known events read as written; any other is shown from its name, e.g. `referral.sla_breached`. */
export function timelineLabel(type: string): string {
  return describeTimelineEvent({ type, data: {} }, () => undefined).title;
}

/** What an event on a referral's timeline means, in words, with the facts it carries. */
export function describeTimelineEvent(
  event: TimelineEvent,
  organisationName: OrganisationName,
): TimelineDescription {
  const data = event.data;
  const organisation = organisationName(text(data.organisationId)) ?? "an organisation";
  const note = labelled("Note", data.note);
  switch (event.type) {
    case "referral.received": {
      const source = ReferralSource.safeParse(data.source);
      const others = typeof data.otherOpenReferrals === "number" ? data.otherOpenReferrals : 0;
      return {
        title: "Referral received",
        details: lines(
          source.success ? `From: ${sourceLabels[source.data]}` : undefined,
          others > 0
            ? `The person already had ${others === 1 ? "another open referral" : `${others} other open referrals`}`
            : undefined,
        ),
      };
    }
    case "referral.triaged": {
      const priority = Priority.safeParse(data.priority);
      const supportLevel = SupportLevel.safeParse(data.supportLevel);
      return {
        title: "Triaged",
        details: lines(
          priority.success ? `Priority: ${priorityLabels[priority.data]}` : undefined,
          supportLevel.success ? `Support level: ${supportLevelLabels[supportLevel.data]}` : undefined,
          note,
        ),
      };
    }
    case "referral.signposted":
      return { title: "Closed as signposted at triage", details: lines(note) };
    case "referral.allocated":
      return {
        title: `Allocated to ${organisation}`,
        details: lines(
          data.eligible === false ? "Allocated although the rules said not eligible" : undefined,
          note,
        ),
      };
    case "referral.accepted":
      return { title: `Accepted by ${organisation}`, details: [] };
    case "referral.declined":
      return { title: `Declined by ${organisation}`, details: lines(labelled("Reason", data.reason)) };
    case "referral.allocation_expired":
      return {
        title: "Returned to triage",
        details: [
          `${organisationName(text(data.organisationId)) ?? "The organisation"} did not accept or decline it in time`,
        ],
      };
    case "referral.claimed":
      return { title: `Picked up by a link worker at ${organisation}`, details: [] };
    case "referral.first_contact_made":
      return { title: "First contact made", details: [] };
    case "referral.assigned":
      return {
        title: text(data.linkWorkerName)
          ? `Assigned to ${text(data.linkWorkerName)} at ${organisation}`
          : `Assigned to a link worker at ${organisation}`,
        details: [],
      };
    case "referral.reassigned":
      return {
        title: text(data.linkWorkerName)
          ? `Moved to ${text(data.linkWorkerName)}`
          : "Moved to another link worker",
        details: lines(labelled("Reason", data.reason)),
      };
    case "referral.returned_to_triage":
      return {
        title: "Returned to triage to be allocated again",
        details: lines(labelled("Reason", data.reason)),
      };
    case "referral.closed": {
      const reason = ClosureReason.safeParse(data.reason);
      return {
        title: reason.success ? `Closed: ${closureReasonLabels[reason.data]}` : "Closed",
        details: lines(note),
      };
    }
    case "referral.reopened":
      return { title: "Reopened", details: lines(labelled("Reason", data.reason)) };
    case "referral.withdrawn":
      return { title: "Withdrawn", details: lines(labelled("Reason", data.reason)) };
    case "referral.possible_match_found":
      return {
        title: "Possible match with an existing person",
        details: [
          data.basis === "nhs_number"
            ? "The NHS number is known, but other details differ"
            : "Same name, date of birth and postcode as someone known, without an NHS number to confirm it",
        ],
      };
    case "referral.possible_match_confirmed":
      return { title: "Confirmed as the person already known", details: [] };
    case "referral.possible_match_split":
      return { title: "Not the person already known: kept as a different person", details: [] };
    case "referral.triage_overdue":
    case "referral.first_contact_overdue":
      return {
        title: event.type === "referral.triage_overdue" ? "Triage overdue" : "First contact overdue",
        details: text(data.dueAt) ? [`It was due ${formatDateTime(String(data.dueAt))}`] : [],
      };
    case "referral.discussed_at_mdt": {
      const actions = Array.isArray(data.actions) ? data.actions.length : 0;
      return {
        title: `Discussed at ${text(data.mdtName) ?? "an MDT meeting"}`,
        details: lines(
          labelled("Decision", data.decision),
          actions > 0 ? `${actions === 1 ? "1 action" : `${actions} actions`} agreed` : undefined,
          text(data.rolledTo) ? "Not decided: carried over to the team's next meeting" : undefined,
        ),
      };
    }
    default: {
      const caseEvent = describeCaseEvent(event);
      if (caseEvent) return caseEvent;
      const action = (event.type.split(".").pop() ?? event.type).replace(/_/g, " ");
      return { title: `Referral ${action}`, details: [] };
    }
  }
}
