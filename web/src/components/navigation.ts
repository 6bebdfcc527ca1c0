import type { Role } from "@linkwork/core/user/role";

export interface NavigationLink {
  href: string;
  text: string;
}

/** The header's main links for the roles the user holds. */
export function navigationFor(holds: (...roles: Role[]) => boolean): NavigationLink[] {
  const links: NavigationLink[] = [];
  if (holds("triage_coordinator")) links.push({ href: "/referrals?status=received", text: "Triage queue" });
  if (holds("referrer", "mdt_member", "triage_coordinator")) {
    links.push({ href: "/referrals/new", text: "Refer someone" });
  }
  if (holds("referrer", "mdt_member", "org_manager", "link_worker") && !holds("triage_coordinator")) {
    links.push({ href: "/", text: "Referrals" });
  }
  if (holds("triage_coordinator")) links.push({ href: "/referrals", text: "All referrals" });
  return links;
}
