import { recordRoles } from "../../referral/domain/access";
import { allowedFrom } from "../../referral/domain/allowed-from";
import type { CommandType } from "../../referral/domain/lifecycle";
import type { ReferralStatus } from "../../referral/schema";
import type { Role } from "../../user/role";
import { type AppError, Forbidden } from "../../util/errors";
import { ReferralAction } from "./actions";
import { casePolicy, messageBackPolicy } from "./case-policy";
import type { PolicyDecision } from "./decision";
import { belongsToAnyMdt, noRelationships, type PolicyActor, type Relationships } from "./relationships";

/** The fields of a referral that say who is related to it. */
export interface ReferralFacts {
  status: ReferralStatus;
  organisationId?: string | undefined;
  referrerId?: string | undefined;
  assignedTo?: string | undefined;
}

/**
 * Referring someone, opening the record, giving one lifecycle command, or working on the case
 * beside it (`read_case`, `record_contact`, ... `read_message_back`).
 */
export type ReferralNeed = "create" | "read" | CommandType | ReferralAction;

const isCommand = (action: ReferralNeed): action is CommandType => Object.hasOwn(allowedFrom, action);

/** Statuses a link worker sees in their organisation's queues; their own cases they see in any status. */
export const linkWorkerQueueStatuses: readonly ReferralStatus[] = ["allocated", "accepted"];

/**
 * The roles that may ever do each thing: anyone else is refused outright (403) before the referral
 * is read, unless an MDT listing could give it to them (`agendaGrants`). The system alone expires
 * allocations.
 */
const everRoles: Record<ReferralNeed, readonly Role[]> = {
  create: ["referrer", "triage_coordinator", "mdt_member"],
  read: recordRoles,
  triage: ["triage_coordinator"],
  signpost: ["triage_coordinator"],
  allocate: ["triage_coordinator", "mdt_member"],
  accept: ["org_manager", "link_worker"],
  decline: ["org_manager", "link_worker"],
  expire_allocation: [],
  claim: ["link_worker"],
  record_first_contact: ["link_worker"],
  assign: ["org_manager"],
  reassign: ["org_manager"],
  return_to_triage: ["triage_coordinator", "org_manager"],
  close: ["link_worker", "org_manager"],
  reopen: ["link_worker", "org_manager", "triage_coordinator"],
  withdraw: ["referrer", "triage_coordinator", "mdt_member"],
  read_case: ["link_worker", "org_manager"],
  record_contact: ["link_worker"],
  update_plan: ["link_worker"],
  record_measure: ["link_worker"],
  record_connection: ["link_worker"],
  escalate: ["link_worker", "org_manager"],
  read_message_back: ["referrer", "mdt_member", "link_worker", "org_manager", "triage_coordinator"],
};

/** What a listing on an agenda of the actor's MDT gives, whatever their role (API.md). */
export const agendaGrants: readonly ReferralNeed[] = ["read", "triage", "allocate"];

/** How the actor stands to this referral, each relationship named once. */
interface Standing {
  holds: (...roles: Role[]) => boolean;
  ofOrganisation: boolean;
  onCaseload: boolean;
  ownReferral: boolean;
  onAgenda: boolean;
  assigned: boolean;
}

function standingOf(actor: PolicyActor, referral: ReferralFacts, relationships: Relationships): Standing {
  return {
    holds: (...roles) => actor.roles.some((role) => roles.includes(role)),
    ofOrganisation: referral.organisationId !== undefined && referral.organisationId === actor.organisationId,
    onCaseload: referral.assignedTo === actor.userId,
    ownReferral: referral.referrerId !== undefined && referral.referrerId === actor.userId,
    onAgenda: relationships.agenda !== undefined,
    assigned: referral.assignedTo !== undefined,
  };
}

/**
 * The legitimate relationship that lets this actor see the referral, named so the audit entry
 * can say why; undefined means none.
 */
function purposeOf(referral: ReferralFacts, standing: Standing, relationships: Relationships) {
  const { holds } = standing;
  if (holds("triage_coordinator")) return "Triage and allocation";
  if (holds("link_worker") && standing.onCaseload) return "On the link worker's caseload";
  if (holds("org_manager") && standing.ofOrganisation) return "Allocated to the user's organisation";
  // Link workers see their organisation's incoming and ready-to-pick-up referrals, not colleagues' cases.
  if (holds("link_worker") && standing.ofOrganisation && linkWorkerQueueStatuses.includes(referral.status)) {
    return "Waiting in the organisation's queue";
  }
  if (standing.ownReferral && holds("referrer", "mdt_member")) return "The user's own referral";
  if (relationships.agenda) return `On the agenda of MDT meeting ${relationships.agenda.meetingId}`;
  return undefined;
}

/** Whether the relationship gives the command (the state aside): true, or why not. */
function grants(command: CommandType, standing: Standing): true | string {
  const { holds } = standing;
  const organisationOnly = "Only the organisation it is allocated to can do this";
  switch (command) {
    case "triage":
    case "allocate":
      return holds("triage_coordinator") || standing.onAgenda
        ? true
        : "Only a triage coordinator, or a member of an MDT with this person on its agenda, can do this";
    case "signpost":
      return holds("triage_coordinator") || "Only a triage coordinator can close a referral as signposted";
    case "accept":
    case "decline":
      return (holds("org_manager", "link_worker") && standing.ofOrganisation) || organisationOnly;
    case "claim":
      return (holds("link_worker") && standing.ofOrganisation) || organisationOnly;
    case "record_first_contact":
      return (
        (holds("link_worker") && standing.onCaseload) ||
        "Only the link worker who picked this up can record contact"
      );
    case "assign":
      return (
        (holds("org_manager") && standing.ofOrganisation) ||
        "Only the organisation's manager can assign a referral to a link worker"
      );
    case "reassign":
      return (
        (holds("org_manager") && standing.ofOrganisation) ||
        "Only the organisation's manager can move a case to another link worker"
      );
    case "return_to_triage":
      return (
        holds("triage_coordinator") ||
        (holds("org_manager") && standing.ofOrganisation) ||
        "Only a triage coordinator or the organisation's manager can return a referral to triage"
      );
    case "close":
      return (
        (holds("link_worker", "org_manager") &&
          (standing.onCaseload || (holds("org_manager") && standing.ofOrganisation))) ||
        "Only the assigned link worker or their manager can close this"
      );
    case "reopen":
      if (!standing.assigned) {
        return (
          holds("triage_coordinator") || "Only a triage coordinator can reopen a referral closed at triage"
        );
      }
      return (
        (holds("link_worker", "org_manager") &&
          (standing.onCaseload || (holds("org_manager") && standing.ofOrganisation))) ||
        "Only the assigned link worker or their manager can reopen this"
      );
    case "withdraw":
      return (
        holds("triage_coordinator") ||
        (standing.ownReferral && holds("referrer", "mdt_member")) ||
        "Only the referrer or a triage coordinator can withdraw a referral"
      );
    case "expire_allocation":
      return "Only the allocation timer returns an allocation";
  }
}

/**
 * Whether the actor could ever do this to any referral: a role that gives it, or (for what an
 * agenda listing gives) membership of an MDT. No means 403 before anything is read, so the answer
 * is the same whether or not the referral exists.
 */
export function mayEver(actor: PolicyActor, need: ReferralNeed, relationships: Relationships): boolean {
  if (actor.roles.some((role) => everRoles[need].includes(role))) return true;
  return agendaGrants.includes(need) && belongsToAnyMdt(relationships);
}

/**
 * Who may see this referral, why, and what they may do to it now: the lifecycle commands, and what
 * the case policy gives them on the case beside it (open it, the writes it takes now, and the
 * message back once it has closed).
 */
export function referralPolicy(
  actor: PolicyActor,
  referral: ReferralFacts,
  relationships: Relationships,
): PolicyDecision<ReferralAction> {
  const standing = standingOf(actor, referral, relationships);
  const purpose = purposeOf(referral, standing, relationships);
  if (!purpose || !mayEver(actor, "read", relationships)) return { visible: false, allowedActions: [] };
  const onCase = casePolicy(actor, referral);
  const caseActions: readonly string[] = onCase.allowedActions;
  return {
    visible: true,
    purpose,
    allowedActions: ReferralAction.options.filter((action) => {
      if (action === "read_case") return onCase.visible;
      if (action === "read_message_back") return messageBackPolicy(actor, referral).visible;
      if (!isCommand(action)) return caseActions.includes(action);
      return grants(action, standing) === true && allowedFrom[action].includes(referral.status);
    }),
  };
}

/**
 * Why this actor may not give this command to a referral they can see, or undefined if they may;
 * the referral's state is the lifecycle's to judge. A role that may never do it gets the plain
 * refusal; a relationship that does not reach this referral, the reason.
 */
export function referralRefusal(
  actor: PolicyActor,
  referral: ReferralFacts,
  relationships: Relationships,
  command: CommandType,
): AppError | undefined {
  if (!mayEver(actor, command, relationships)) return Forbidden();
  const granted = grants(command, standingOf(actor, referral, relationships));
  return granted === true ? undefined : Forbidden(granted);
}

/**
 * Whether an agenda listing could change the answer for this actor: only then is it worth the
 * query. That is whenever the plain relationships do not show them the referral (so a listed
 * member hears 403, not 404, for what the listing does not give), and otherwise for a read, a
 * command a listing gives that the state allows now, or for such a command, that command in any
 * state (so its refusal, 403 or 409, never depends on the shortcut).
 */
export function agendaWouldAdd(actor: PolicyActor, referral: ReferralFacts, need: ReferralNeed): boolean {
  if (need === "create") return false;
  if (!referralPolicy(actor, referral, noRelationships).visible) return true;
  if (!agendaGrants.includes(need)) return false;
  const standing = standingOf(actor, referral, noRelationships);
  if (need !== "read") return isCommand(need) && grants(need, standing) !== true;
  return (["triage", "allocate"] as const).some(
    (command) => grants(command, standing) !== true && allowedFrom[command].includes(referral.status),
  );
}
