import type { Actor, UserActor } from "../../actor";
import type { Role } from "../../user/role";
import type { ReferralStatus } from "../schema";

/** Roles that may ever open a person's record; anyone else (commissioners, admins) is refused outright. */
export const recordRoles: readonly Role[] = [
  "triage_coordinator",
  "org_manager",
  "link_worker",
  "mdt_member",
  "referrer",
];

export interface ReferralRelationshipFacts {
  status: ReferralStatus;
  organisationId?: string | undefined;
  referrerId?: string | undefined;
  assignedTo?: string | undefined;
}

/** Statuses a link worker sees in their organisation's queues; their own cases they see in any status. */
export const linkWorkerQueueStatuses: readonly ReferralStatus[] = ["allocated", "accepted"];

export type Access = { allowed: true; purpose: string } | { allowed: false };

/**
 * The legitimate relationship that lets this user see this referral, named so the audit entry
 * can say why. No relationship means no access, reported to the caller as "not found".
 */
export function referralAccess(user: UserActor, referral: ReferralRelationshipFacts): Access {
  const holds = (role: Role) => user.roles.includes(role);
  if (holds("triage_coordinator")) return { allowed: true, purpose: "Triage and allocation" };
  if (holds("link_worker") && referral.assignedTo === user.userId) {
    return { allowed: true, purpose: "On the link worker's caseload" };
  }
  const ofOrganisation = referral.organisationId === user.organisationId;
  if (holds("org_manager") && ofOrganisation) {
    return { allowed: true, purpose: "Allocated to the user's organisation" };
  }
  // Link workers see their organisation's incoming and ready-to-pick-up referrals, not colleagues' cases.
  if (holds("link_worker") && ofOrganisation && linkWorkerQueueStatuses.includes(referral.status)) {
    return { allowed: true, purpose: "Waiting in the organisation's queue" };
  }
  if (referral.referrerId === user.userId && (holds("referrer") || holds("mdt_member"))) {
    return { allowed: true, purpose: "The user's own referral" };
  }
  return { allowed: false };
}

export function mayOpenRecords(user: UserActor): boolean {
  return user.roles.some((role) => recordRoles.includes(role));
}

/**
 * Only triage coordinators, who join and separate people's records, see anything about a person's
 * other records: which record a referral is on, the other open referrals, a possible match, the
 * stored record itself. To anyone else a referral for a known NHS number looks exactly like one
 * for a new person.
 */
export function seesOtherRecords(viewer: Actor): boolean {
  return viewer.type === "user" && viewer.roles.includes("triage_coordinator");
}
