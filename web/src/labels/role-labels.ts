import type { Role } from "@linkwork/core/user/role";

export const roleLabels: Record<Role, string> = {
  triage_coordinator: "Triage coordinator",
  link_worker: "Link worker",
  org_manager: "Organisation manager",
  mdt_member: "MDT member",
  referrer: "Referrer",
  commissioner: "Commissioner",
  admin: "Administrator",
};

export function describeRoles(roles: readonly Role[]): string {
  return roles.map((role) => roleLabels[role]).join(", ");
}
