import {
  connectionSectors,
  connectionStatuses,
  contactMethods,
  contactOutcomes,
  escalationTargets,
  measureStages,
  measureTools,
} from "@linkwork/core/casework/vocabulary";
import { NeedDomain } from "@linkwork/core/referral/schema";
import { formatCalendarDate, formatDateTime } from "../format/dates";
import {
  connectionSectorLabels,
  connectionStatusLabels,
  contactMethodLabels,
  contactOutcomeLabels,
  escalationTargetLabels,
  escalationTargetPhrases,
  measureStageLabels,
  measureToolLabels,
} from "./casework-labels";
import { needLabels } from "./referral-labels";

interface CaseEvent {
  type: string;
  data: Record<string, unknown>;
}

/** A value from one of the case's lists, or undefined when the event does not carry a known one. */
function oneOf<const Values extends readonly string[]>(
  values: Values,
  value: unknown,
): Values[number] | undefined {
  return values.find((known) => known === value);
}

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : undefined);
const lines = (...items: (string | undefined)[]) =>
  items.filter((item): item is string => item !== undefined);

function describeContact(data: Record<string, unknown>) {
  const method = oneOf(contactMethods, data.method);
  const outcome = oneOf(contactOutcomes, data.outcome);
  const minutes = typeof data.durationMinutes === "number" ? data.durationMinutes : undefined;
  return {
    title: outcome === "made_contact" ? "Contact made" : "Tried to make contact",
    // The note is the worker's own account of a conversation: it stays on the case, never here.
    details: lines(
      method ? `How: ${contactMethodLabels[method]}` : undefined,
      outcome ? `Outcome: ${contactOutcomeLabels[outcome]}` : undefined,
      text(data.at) ? `When: ${formatDateTime(String(data.at))}` : undefined,
      minutes ? `Took ${minutes} ${minutes === 1 ? "minute" : "minutes"}` : undefined,
    ),
  };
}

function describeConnection(data: Record<string, unknown>, updated: boolean) {
  const sector = oneOf(connectionSectors, data.sector);
  const status = oneOf(connectionStatuses, data.status);
  const fromStatus = oneOf(connectionStatuses, data.fromStatus);
  const need = NeedDomain.safeParse(data.need);
  const service = text(data.serviceName);
  const statusWord = status ? connectionStatusLabels[status].toLowerCase() : undefined;
  return {
    title: updated
      ? `Connection ${service ? `to ${service} ` : ""}updated${statusWord ? `: ${statusWord}` : ""}`
      : `Connection to ${service ?? "a service"} recorded${statusWord ? `: ${statusWord}` : ""}`,
    details: lines(
      updated && fromStatus ? `Was: ${connectionStatusLabels[fromStatus]}` : undefined,
      sector ? `Sector: ${connectionSectorLabels[sector]}` : undefined,
      need.success ? `For: ${needLabels[need.data]}` : undefined,
    ),
  };
}

/**
 * Casework events on a referral's timeline, in words, or undefined for any other event. Only
 * coded facts are shown: notes about the person stay on the case, which only its workers see.
 */
export function describeCaseEvent(event: CaseEvent): { title: string; details: string[] } | undefined {
  const data = event.data;
  switch (event.type) {
    case "case.contact_recorded":
      return describeContact(data);
    case "case.plan_saved": {
      const goals = typeof data.goals === "number" ? data.goals : undefined;
      return {
        title: data.planVersion === 1 ? "Wellbeing plan agreed" : "Wellbeing plan updated",
        details: lines(
          goals === undefined ? undefined : `${goals} ${goals === 1 ? "goal" : "goals"}`,
          text(data.reviewOn) ? `Next review: ${formatCalendarDate(String(data.reviewOn))}` : undefined,
        ),
      };
    }
    case "case.measure_recorded": {
      const tool = oneOf(measureTools, data.tool);
      const stage = oneOf(measureStages, data.stage);
      return {
        title: tool ? `${measureToolLabels[tool]} recorded` : "Outcome measure recorded",
        details: lines(stage ? `Stage: ${measureStageLabels[stage]}` : undefined),
      };
    }
    case "case.connection_added":
      return describeConnection(data, false);
    case "case.connection_updated":
      return describeConnection(data, true);
    case "case.escalated": {
      const to = oneOf(escalationTargets, data.to);
      return { title: to ? escalationTargetPhrases[to] : "Escalated", details: [] };
    }
    case "case.escalation_resolved": {
      const to = oneOf(escalationTargets, data.to);
      return {
        title: "Escalation resolved",
        details: lines(to ? `Escalated to: ${escalationTargetLabels[to]}` : undefined),
      };
    }
    default:
      return undefined;
  }
}
