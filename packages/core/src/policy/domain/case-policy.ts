import type { ReferralStatus } from "../../referral/schema";
import type { AppError } from "../../util/errors";
import type { CaseAction } from "./actions";
import type { PolicyDecision } from "./decision";
import type { ReferralFacts } from "./referral-policy";
import type { PolicyActor } from "./relationships";
import { decideBy, type Rules, refuseBy } from "./rules";

/** The referral a case belongs to, as the case policy needs it; its version goes into a 409. */
export interface CaseFacts extends ReferralFacts {
  version?: number | undefined;
}

/** Statuses in which there is a case to see: once someone holds it, and after it closed. */
export const caseStatuses: readonly ReferralStatus[] = ["assigned", "active", "closed"];

/** Statuses in which the case takes new work; a closed case takes nothing until it is reopened. */
export const openCaseStatuses: readonly ReferralStatus[] = ["assigned", "active"];

interface CaseStanding {
  /** The link worker whose caseload it is on. */
  assignedWorker: boolean;
  /** A manager of the organisation holding it. */
  manager: boolean;
}

function standingTo(actor: PolicyActor, facts: CaseFacts): CaseStanding {
  const holds = (role: PolicyActor["roles"][number]) => actor.roles.includes(role);
  return {
    assignedWorker:
      holds("link_worker") && facts.assignedTo !== undefined && facts.assignedTo === actor.userId,
    manager:
      holds("org_manager") &&
      facts.organisationId !== undefined &&
      facts.organisationId === actor.organisationId,
  };
}

/**
 * Only the case's worker and their manager have a relationship to what the person said in
 * casework: triage coordinators, referrers, MDT members and everyone else follow the referral, not
 * the case, so to them it does not exist (404).
 */
function purposeOf(facts: CaseFacts, standing: CaseStanding): string | undefined {
  if (!caseStatuses.includes(facts.status)) return undefined;
  if (standing.assignedWorker) return "On the link worker's caseload";
  if (standing.manager) return "Manages the organisation holding the case";
  return undefined;
}

const open = (facts: CaseFacts) => openCaseStatuses.includes(facts.status);
const closedCase = "This case is closed: reopen it to record anything more";
const workerOnly = "Only the link worker the case is assigned to can record this";
const workerOrManager = "Only the assigned link worker or their manager can do this";

const rules: Rules<CaseAction, CaseStanding, CaseFacts> = {
  record_contact: {
    who: (standing) => standing.assignedWorker,
    when: open,
    forbidden: workerOnly,
    invalid: closedCase,
  },
  update_plan: {
    who: (standing) => standing.assignedWorker,
    when: open,
    forbidden: workerOnly,
    invalid: closedCase,
  },
  record_measure: {
    who: (standing) => standing.assignedWorker,
    when: open,
    forbidden: workerOnly,
    invalid: closedCase,
  },
  // Adding a connection and moving one on (referred, attended, declined) alike.
  record_connection: {
    who: (standing) => standing.assignedWorker,
    when: open,
    forbidden: workerOnly,
    invalid: closedCase,
  },
  escalate: {
    who: (standing) => standing.assignedWorker || standing.manager,
    when: open,
    forbidden: workerOrManager,
    invalid: closedCase,
  },
  // A concern raised before closure may be answered after it, so the queues do not hold it forever.
  resolve_escalation: {
    who: (standing) => standing.assignedWorker || standing.manager,
    when: () => true,
    forbidden: workerOrManager,
    invalid: "",
  },
  close: {
    who: (standing) => standing.assignedWorker || standing.manager,
    when: open,
    forbidden: "Only the assigned link worker or their manager can close this",
    invalid: "This case is already closed",
  },
  reopen: {
    who: (standing) => standing.assignedWorker || standing.manager,
    when: (facts) => facts.status === "closed",
    forbidden: "Only the assigned link worker or their manager can reopen this",
    invalid: "Only a closed case can be reopened",
  },
};

/**
 * Who may see the case beside a referral, why (for the audit entry), and what they may do to it
 * now: the assigned link worker and their organisation's manager, while the referral is assigned,
 * active or closed (closed: read only, and reopen).
 */
export function casePolicy(actor: PolicyActor, facts: CaseFacts): PolicyDecision<CaseAction> {
  const standing = standingTo(actor, facts);
  return decideBy(rules, standing, facts, purposeOf(facts, standing));
}

/**
 * Why the actor may not do this to the case now, or undefined if they may: not found when the case
 * is not theirs to see, forbidden when their standing never gives it (a manager recording a
 * contact), an invalid transition with the referral's version when its status does not allow it
 * now (a closed case).
 */
export function caseRefusal(actor: PolicyActor, facts: CaseFacts, action: CaseAction): AppError | undefined {
  const standing = standingTo(actor, facts);
  return refuseBy(rules, standing, facts, purposeOf(facts, standing), action, "The case", facts.version);
}

/**
 * Who reads the message back to the GP and referrer: once a case has closed, the referrer (their
 * own referral), the case's worker and manager, and triage coordinators, who answer the practice.
 */
export function messageBackPolicy(
  actor: PolicyActor,
  facts: CaseFacts,
): { visible: boolean; purpose?: string } {
  if (facts.status !== "closed" || facts.assignedTo === undefined) return { visible: false };
  const holds = (...roles: PolicyActor["roles"]) => actor.roles.some((role) => roles.includes(role));
  const standing = standingTo(actor, facts);
  const purpose = standing.assignedWorker
    ? "On the link worker's caseload"
    : standing.manager
      ? "Manages the organisation holding the case"
      : facts.referrerId !== undefined && facts.referrerId === actor.userId && holds("referrer", "mdt_member")
        ? "The user's own referral"
        : holds("triage_coordinator")
          ? "Triage and allocation"
          : undefined;
  return purpose ? { visible: true, purpose } : { visible: false };
}

/**
 * Who sees where a case has open escalations: its worker and manager, and triage coordinators,
 * whose queue shows them; the concern itself is read on the case.
 */
export function seesOpenEscalations(actor: PolicyActor, facts: CaseFacts): boolean {
  return casePolicy(actor, facts).visible || answersEscalationQueue(actor);
}

/**
 * Who answers the area's queue of open escalations without seeing the cases themselves: triage
 * coordinators, who may resolve one from the queue (the case's worker and manager resolve theirs
 * on the case, `resolve_escalation`).
 */
export function answersEscalationQueue(actor: PolicyActor): boolean {
  return actor.roles.includes("triage_coordinator");
}
