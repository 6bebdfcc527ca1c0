/**
 * The one authorisation policy: who may see a subject, why (for the audit entry), and what they
 * may do to it now. Routes, use cases and the web's `allowedActions` all come from here; nothing
 * else decides by role.
 *
 * Pure (`domain/`, no I/O; import these from domain code):
 * - `referralPolicy(actor, referral, relationships)` -> `PolicyDecision<ReferralAction>`
 *   `{ visible, purpose?, allowedActions }`. `referral` is `ReferralFacts` (status, organisationId,
 *   referrerId, assignedTo; a stored referral item fits).
 * - `referralRefusal(actor, referral, relationships, commandType)` -> `AppError | undefined`: the 403
 *   for a command on a referral the actor can see (the lifecycle's `decide` calls it).
 * - `mayEver(actor, need, relationships)`: could this actor ever do `need` (`ReferralNeed`: "create",
 *   "read" or a lifecycle command type), by role or (read, triage, allocate) by MDT membership. No
 *   means 403 before anything is read. Allocation options need "allocate".
 * - `agendaWouldAdd(actor, referral, need)`: whether an agenda lookup could change the answer.
 * - `casePolicy(actor, facts)` -> `PolicyDecision<CaseAction>`: the case beside a referral (contacts,
 *   plan, measures, connections, escalations). `facts` is `CaseFacts` (`ReferralFacts` plus
 *   `version?`; a stored referral item fits). Visible to the assigned link worker and their
 *   organisation's manager while the referral is assigned, active or closed; to anyone else it does
 *   not exist. Writes (record_contact, update_plan, record_measure, record_connection) are the
 *   worker's; escalate, resolve_escalation, close and reopen the worker's or the manager's. A closed
 *   case takes nothing but reopen (and resolving an escalation raised before it closed).
 *   `caseRefusal(actor, facts, action)` -> `AppError | undefined`: NotFound ("The case") when not
 *   visible, Forbidden when their standing never gives it, InvalidTransition with `facts.version`
 *   when the status does not allow it now. `messageBackPolicy(actor, facts)` -> `{ visible,
 *   purpose? }`: after a case closed, the referrer (own referral), the worker, the manager and
 *   triage coordinators. `referralPolicy`'s `allowedActions` carries the same answers as
 *   `read_case`, the case writes, and `read_message_back`; `requireReferralCapability` takes them
 *   as needs too. `seesOpenEscalations(actor, facts)`: the case's worker and manager, and triage
 *   coordinators; `answersEscalationQueue(actor)`: triage coordinators, who may resolve an
 *   escalation from the area's queue without seeing the case.
 * - `mdtPolicy`, `meetingPolicy`, `agendaItemPolicy`, `actionPolicy` (actor, subject, relationships)
 *   -> `PolicyDecision<MdtAction | MeetingAction | AgendaItemAction | ActionItemAction>`, and
 *   `mdtRefusal`, `meetingRefusal`, `agendaItemRefusal`, `actionRefusal` (…, action) ->
 *   `AppError | undefined`: NotFound when not visible (non-members), Forbidden when their standing
 *   never gives the action (a member starting a meeting they do not chair), InvalidTransition (with
 *   the subject's `version`) when the state does not allow it now. `mayCreateMdt(actor)`: admins.
 * - `PolicyActor` is `{ userId, roles, organisationId }` (a `UserActor` fits). `Relationships` is
 *   `{ memberOf: { mdtId, chair }[], agenda?: { mdtId, meetingId, until } }`: MDT membership is a
 *   relationship, never a role; pass `memberOf` from `mdtRelationships` for MDT subjects.
 * - Action vocabularies (zod enums, for response schemas): `ReferralAction`, `CaseAction`,
 *   `MdtAction`, `MeetingAction`, `AgendaItemAction`, `ActionItemAction`.
 *
 * With I/O:
 * - `referralRelationships(context, user, referralId, referralItem | null | undefined, need, { agendaLookup? })`
 *   -> `Relationships`: looks up the agenda listing (`mdt/relationships.ts` `agendaRelationship`)
 *   only when it could change the answer (`agendaWouldAdd`), and for an id that names nothing, so
 *   that costs the same as a refusal.
 * - `mayEverDo(context, user, need)` and `requireReferralCapability(context, need)` (the signed-in
 *   caller, or 403): the route-level check, loading MDT membership only when no role gives the need.
 *   `requireCapability(staffNeed)`: the same for work about no one subject (`mayDoStaffWork`).
 */

export { mayEverDo, requireCapability, requireReferralCapability } from "./capability";
export { type ActionSubject, actionPolicy, actionRefusal } from "./domain/action-policy";
export {
  ActionItemAction,
  AgendaItemAction,
  CaseAction,
  MdtAction,
  MeetingAction,
  ReferralAction,
} from "./domain/actions";
export {
  answersEscalationQueue,
  type CaseFacts,
  casePolicy,
  caseRefusal,
  caseStatuses,
  messageBackPolicy,
  openCaseStatuses,
  seesOpenEscalations,
} from "./domain/case-policy";
export type { PolicyDecision } from "./domain/decision";
export {
  type AgendaItemSubject,
  agendaItemPolicy,
  agendaItemRefusal,
  type MdtSubject,
  type MeetingSubject,
  mayCreateMdt,
  mdtPolicy,
  mdtRefusal,
  meetingPolicy,
  meetingRefusal,
} from "./domain/meeting-policy";
export {
  agendaGrants,
  agendaWouldAdd,
  linkWorkerQueueStatuses,
  mayEver,
  type ReferralFacts,
  type ReferralNeed,
  referralPolicy,
  referralRefusal,
} from "./domain/referral-policy";
export {
  type AgendaRelationship,
  belongsToAnyMdt,
  type MdtMembership,
  membershipOf,
  noRelationships,
  type PolicyActor,
  type Relationships,
} from "./domain/relationships";
export { mayDoStaffWork, type StaffNeed } from "./domain/staff-policy";
export { type AgendaLookup, referralRelationships } from "./referral-relationships";
