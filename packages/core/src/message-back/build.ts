import { measureNames } from "../casework/domain/measure-rules";
import type { RecordedMeasure } from "../casework/domain/measure-types";
import { compareMeasures, domainSnapshots } from "../casework/domain/measures";
import type {
  ConnectionSector,
  ConnectionStatus,
  ContactOutcome,
  EscalationStatus,
  EscalationTarget,
  GoalStatus,
} from "../casework/vocabulary";
import { closureReasonLabels, needLabels, sourceLabels, supportLevelLabels } from "../referral/labels";
import type { ClosureReason, NeedDomain, ReferralSource, SupportLevel } from "../referral/schema";
import { messageBackCodes } from "./codes";
import type { MessageBack } from "./schema";
import {
  connectionStatusLabels,
  describeComparison,
  escalationTargetLabels,
  goalStatusLabels,
  sectorLabels,
} from "./words";

/** The closed referral, as far as the message back tells it. */
export interface ClosedReferral {
  referralId: string;
  reference: string;
  source: ReferralSource;
  receivedAt: string;
  firstContactAt?: string | undefined;
  closedAt: string;
  closureReason: ClosureReason;
  closureSummary?: string | undefined;
  person: { givenName: string; familyName: string; nhsNumber?: string | undefined; dateOfBirth: string };
  practiceOds?: string | undefined;
  supportLevel?: SupportLevel | undefined;
  needs: readonly NeedDomain[];
}

/** The case's parts the message back reports. */
export interface CaseForMessageBack {
  contacts: readonly { outcome: ContactOutcome }[];
  goals: readonly { text: string; importance: number; status: GoalStatus }[];
  connections: readonly {
    serviceName: string;
    serviceId?: string | undefined;
    sector: ConnectionSector;
    need: NeedDomain;
    status: ConnectionStatus;
    createdAt: string;
    updatedAt: string;
    history: readonly { status: ConnectionStatus; at: string }[];
  }[];
  measures: readonly RecordedMeasure[];
  escalations: readonly {
    to: EscalationTarget;
    raisedAt: string;
    status: EscalationStatus;
    resolvedAt?: string | undefined;
  }[];
}

/** Names looked up for the message back: who referred, who held the case. */
export interface MessageBackNames {
  referrer?: { name?: string | undefined; organisationName?: string | undefined } | undefined;
  organisation?: { id: string; name: string } | undefined;
  linkWorkerName?: string | undefined;
}

/** Connections in the order they were made, each with when it reached its current status. */
function connectionsOf(connections: CaseForMessageBack["connections"]): MessageBack["connections"] {
  return [...connections]
    .sort((left, right) => left.createdAt.localeCompare(right.createdAt))
    .map((connection) => {
      const reached = connection.history.filter((entry) => entry.status === connection.status).at(-1);
      return {
        serviceName: connection.serviceName,
        ...(connection.serviceId ? { serviceId: connection.serviceId } : {}),
        sector: connection.sector,
        sectorText: sectorLabels[connection.sector],
        need: connection.need,
        needText: needLabels[connection.need],
        status: connection.status,
        statusText: connectionStatusLabels[connection.status],
        since: reached?.at ?? connection.updatedAt,
      };
    });
}

/**
 * The message back for a closed referral: the PRSB model's who (person, referrer, provider, link
 * worker), when (received, first contact, closed), what support (level, needs, contacts, goals),
 * the connections made, the outcome measures with their change, why support ended, and the
 * SNOMED CT codes. Pure: the caller has checked the reader may see it.
 */
export function buildMessageBack(
  referral: ClosedReferral,
  casework: CaseForMessageBack,
  names: MessageBackNames,
  now: Date,
): MessageBack {
  const measures = [...casework.measures].sort((left, right) =>
    left.recordedAt.localeCompare(right.recordedAt),
  );
  const domains = domainSnapshots(measures);
  const referrer =
    names.referrer && (names.referrer.name || names.referrer.organisationName)
      ? {
          ...(names.referrer.name ? { name: names.referrer.name } : {}),
          ...(names.referrer.organisationName ? { organisationName: names.referrer.organisationName } : {}),
        }
      : undefined;
  return {
    referralId: referral.referralId,
    reference: referral.reference,
    generatedAt: now.toISOString(),
    person: {
      name: `${referral.person.givenName} ${referral.person.familyName}`,
      ...(referral.person.nhsNumber ? { nhsNumber: referral.person.nhsNumber } : {}),
      dateOfBirth: referral.person.dateOfBirth,
    },
    ...(referral.practiceOds ? { practiceOds: referral.practiceOds } : {}),
    source: { code: referral.source, text: sourceLabels[referral.source] },
    ...(referrer ? { referrer } : {}),
    ...(names.organisation ? { organisation: names.organisation } : {}),
    ...(names.linkWorkerName ? { linkWorker: { name: names.linkWorkerName } } : {}),
    receivedAt: referral.receivedAt,
    ...(referral.firstContactAt ? { firstContactAt: referral.firstContactAt } : {}),
    closedAt: referral.closedAt,
    closureReason: referral.closureReason,
    closureReasonText: closureReasonLabels[referral.closureReason],
    summary: referral.closureSummary ?? "",
    ...(referral.supportLevel
      ? { supportLevel: { code: referral.supportLevel, text: supportLevelLabels[referral.supportLevel] } }
      : {}),
    needs: referral.needs.map((need) => ({ code: need, text: needLabels[need] })),
    contactsMade: casework.contacts.filter((contact) => contact.outcome === "made_contact").length,
    contactAttempts: casework.contacts.length,
    goals: casework.goals.map((goal) => ({
      text: goal.text,
      importance: goal.importance,
      status: goal.status,
      statusText: goalStatusLabels[goal.status],
    })),
    connections: connectionsOf(casework.connections),
    measures: compareMeasures(measures).map((comparison) => ({
      ...comparison,
      name: measureNames[comparison.tool],
      description: describeComparison(comparison),
    })),
    domains: {
      ...(domains.baseline ? { baseline: domains.baseline } : {}),
      ...(domains.final ? { final: domains.final } : {}),
    },
    escalations: [...casework.escalations]
      .sort((left, right) => left.raisedAt.localeCompare(right.raisedAt))
      .map((escalation) => ({
        to: escalation.to,
        toText: escalationTargetLabels[escalation.to],
        raisedAt: escalation.raisedAt,
        status: escalation.status,
        ...(escalation.resolvedAt ? { resolvedAt: escalation.resolvedAt } : {}),
      })),
    codes: messageBackCodes(referral.closureReason),
  };
}
