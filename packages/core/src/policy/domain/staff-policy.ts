import type { Role } from "../../user/role";
import type { PolicyActor } from "./relationships";

/**
 * Work that is not about one referral or MDT subject, and the roles it belongs to: a person's
 * stored record and its possible matches (coordinators, who join and separate records), a team's
 * link workers and their capacity, the caseload page, the area's settings.
 */
const staffRoles = {
  person_records: ["triage_coordinator"],
  list_link_workers: ["org_manager", "triage_coordinator"],
  set_caseload_limit: ["org_manager"],
  read_caseload: ["link_worker"],
  read_settings: ["admin", "triage_coordinator", "org_manager"],
  change_settings: ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type StaffNeed = keyof typeof staffRoles;

export function mayDoStaffWork(actor: PolicyActor, need: StaffNeed): boolean {
  const roles: readonly Role[] = staffRoles[need];
  return actor.roles.some((role) => roles.includes(role));
}
