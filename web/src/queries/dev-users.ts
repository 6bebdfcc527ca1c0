import type { Role } from "@linkwork/core/user/role";
import { queryOptions } from "@tanstack/solid-query";
import { request } from "../api/client";

export interface DevUser {
  email: string;
  name: string;
  roles: Role[];
  organisationName: string;
}

/** Local runtime only: the seeded users anyone may sign in as, for the demo sign-in page. */
export const devUsersQuery = () =>
  queryOptions({
    queryKey: ["dev-users"] as const,
    queryFn: ({ signal }) => request<{ items: DevUser[] }>("/auth/dev/users", { signal, anonymous: true }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
