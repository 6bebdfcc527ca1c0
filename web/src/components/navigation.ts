import type { Role } from "@linkwork/core/user/role";

export interface NavigationLink {
  href: string;
  text: string;
}

/**
 * The header's main links: each role's own work first. Someone with several roles gets each set once.
 * MDT meetings follow membership of a team, which is a relationship, not a role; actions agreed in
 * them can fall to anyone who works with people's records, or to their organisation.
 */
export function navigationFor(holds: (...roles: Role[]) => boolean, memberOfAnMdt = false): NavigationLink[] {
  const links: NavigationLink[] = [];
  const add = (link: NavigationLink) => {
    if (!links.some((existing) => existing.href === link.href)) links.push(link);
  };
  if (holds("triage_coordinator")) {
    add({ href: "/referrals?status=received", text: "Triage queue" });
    add({ href: "/referrals", text: "All referrals" });
  }
  if (holds("org_manager")) {
    add({ href: "/incoming", text: "Incoming" });
    add({ href: "/link-workers", text: "Link workers" });
    add({ href: "/referrals", text: "Our referrals" });
  }
  if (holds("link_worker")) {
    add({ href: "/ready", text: "Ready to pick up" });
    add({ href: "/caseload", text: "My caseload" });
  }
  if (holds("referrer", "mdt_member")) {
    add({ href: "/referrals/new", text: "Refer someone" });
    add({ href: "/referrals", text: "My referrals" });
  }
  if (memberOfAnMdt || holds("admin")) add({ href: "/mdt", text: "MDT meetings" });
  if (holds("triage_coordinator", "org_manager", "link_worker", "mdt_member", "referrer")) {
    add({ href: "/actions", text: "My actions" });
  }
  return links;
}

/**
 * Whether a link is the page being shown: same path, and the same status for the queue links,
 * so "Triage queue" stays marked while its other filters change.
 */
export function isCurrentLink(href: string, pathname: string, search: string): boolean {
  const link = new URL(href, "http://linkwork.local");
  if (link.pathname !== pathname) return false;
  const status = new URLSearchParams(search).get("status");
  return link.searchParams.get("status") === status;
}
