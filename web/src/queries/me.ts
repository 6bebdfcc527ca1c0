import type { Role } from "@linkwork/core/user/role";
import { queryOptions } from "@tanstack/solid-query";
import { request } from "../api/client";

export interface Me {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  organisationId: string;
  /** The MDTs the user belongs to: membership is a relationship, not a role. */
  mdtIds: string[];
}

export const meQuery = () =>
  queryOptions({
    queryKey: ["me"] as const,
    queryFn: ({ signal }) => request<Me>("/api/me", { signal }),
    staleTime: 5 * 60_000,
  });

export function hasRole(me: Me | undefined, ...roles: Role[]): boolean {
  return me?.roles.some((role) => roles.includes(role)) ?? false;
}

/** Commissioners and administrators never open a person's record (API.md: 403). */
export function mayOpenRecords(me: Me | undefined): boolean {
  return hasRole(me, "triage_coordinator", "org_manager", "link_worker", "mdt_member", "referrer");
}
