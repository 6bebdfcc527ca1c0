import type { Actor } from "../../actor";
import { mayDoStaffWork } from "../../policy/domain/staff-policy";
import type { Role } from "../../user/role";

/**
 * Roles that may ever open a person's record; anyone else (commissioners, admins) is refused
 * outright, unless an MDT agenda listing lets them (the authorisation policy, `policy/`, says).
 */
export const recordRoles: readonly Role[] = [
  "triage_coordinator",
  "org_manager",
  "link_worker",
  "mdt_member",
  "referrer",
];

/**
 * Only triage coordinators, who join and separate people's records, see anything about a person's
 * other records: which record a referral is on, the other open referrals, a possible match, the
 * stored record itself. To anyone else a referral for a known NHS number looks exactly like one
 * for a new person. Who sees the referral itself, and what they may do to it, is the
 * authorisation policy's (`policy/`).
 */
export function seesOtherRecords(viewer: Actor): boolean {
  return viewer.type === "user" && mayDoStaffWork(viewer, "person_records");
}
