import { openCaseStatuses } from "../policy/domain/case-policy";
import type { CaseworkSettings } from "../settings/casework-schema";
import { promptsUnableToContact } from "./domain/contact-rules";
import type { RecordedMeasure } from "./domain/measure-types";
import { compareMeasures, domainSnapshots } from "./domain/measures";
import type {
  CaseConnectionItem,
  CaseContactItem,
  CaseEscalationItem,
  CaseMeasureItem,
  LoadedCase,
  PlanRevisionItem,
} from "./load-case";
import { caseVersionOf } from "./load-case";
import type { Measure } from "./measure-schema";
import type { Case, Connection, Contact, Escalation, PlanRevision } from "./schema";

const newestFirst = (left: string, right: string) => right.localeCompare(left);

export function toContact(item: CaseContactItem): Contact {
  const { referralId: _referralId, ...contact } = item;
  return contact;
}

export function toConnection(item: CaseConnectionItem): Connection {
  const { referralId: _referralId, ...connection } = item;
  return connection;
}

export function toEscalation(item: CaseEscalationItem): Escalation {
  const { referralId: _referralId, ...escalation } = item;
  return escalation;
}

function toPlanRevision(item: PlanRevisionItem): PlanRevision {
  return {
    version: item.planVersion,
    ...(item.whatMatters !== undefined ? { whatMatters: item.whatMatters } : {}),
    goals: item.goals,
    ...(item.reviewOn !== undefined ? { reviewOn: item.reviewOn } : {}),
    savedAt: item.savedAt,
    savedBy: item.savedBy,
    ...(item.savedByName !== undefined ? { savedByName: item.savedByName } : {}),
  };
}

/** A stored measure as the scoring rules read it: its answers and score are stored as they were given. */
export function toRecordedMeasure(item: CaseMeasureItem): RecordedMeasure {
  const { referralId: _referralId, recordedBy: _recordedBy, ...measure } = item;
  return measure;
}

/**
 * The case as its worker and manager see it: contacts newest first, the plan with its history,
 * measures with baseline and final side by side, connections, escalations (open ones first) and
 * what the caller may do now.
 */
export function toCase(loaded: LoadedCase, settings: CaseworkSettings): Case {
  const { referral, record } = loaded;
  const failedAttempts = record?.failedAttempts ?? 0;
  const measures = loaded.measures
    .map(toRecordedMeasure)
    .sort((left, right) => left.recordedAt.localeCompare(right.recordedAt));
  return {
    referralId: referral.referralId,
    version: caseVersionOf(loaded),
    referralStatus: referral.status,
    referralVersion: referral.version,
    contacts: loaded.contacts
      .map(toContact)
      .sort((left, right) => newestFirst(left.at, right.at) || newestFirst(left.contactId, right.contactId)),
    contactCount: record?.contactCount ?? 0,
    failedAttempts,
    unableToContactPrompt: promptsUnableToContact(
      failedAttempts,
      settings.unableToContactAfterAttempts,
      openCaseStatuses.includes(referral.status),
    ),
    ...(record?.whatMatters !== undefined ? { whatMatters: record.whatMatters } : {}),
    domains: domainSnapshots(measures),
    plan: {
      version: record?.planVersion ?? 0,
      goals: record?.plan.goals ?? [],
      ...(record?.plan.reviewOn !== undefined ? { reviewOn: record.plan.reviewOn } : {}),
      history: loaded.planRevisions.map(toPlanRevision).sort((left, right) => right.version - left.version),
    },
    measures: measures.map((measure): Measure => measure),
    measureSummary: compareMeasures(measures),
    connections: loaded.connections
      .map(toConnection)
      .sort((left, right) => left.createdAt.localeCompare(right.createdAt)),
    escalations: loaded.escalations
      .map(toEscalation)
      .sort(
        (left, right) =>
          Number(left.status === "resolved") - Number(right.status === "resolved") ||
          newestFirst(left.raisedAt, right.raisedAt),
      ),
    allowedActions: loaded.decision.allowedActions,
  };
}
