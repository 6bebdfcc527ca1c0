import type { Role } from "@linkwork/core/user/role";
import { useQuery } from "@tanstack/solid-query";
import { type JSX, Show } from "solid-js";
import { hasRole, type Me, meQuery } from "../queries/me";
import { usePageTitle } from "./page-title";
import { QueryBoundary } from "./query-boundary";

function NotForYourRole(props: { page: string }) {
  usePageTitle(() => props.page);
  return (
    <>
      <h1 class="nhsuk-heading-l">You cannot use this page</h1>
      <p class="nhsuk-body">
        {props.page} is for other roles. Use the links at the top of the page to find your work.
      </p>
    </>
  );
}

/** A page for some roles only: everyone else is told so, and where to go instead. */
export function RoleGate(props: { roles: Role[]; page: string; children: (me: Me) => JSX.Element }) {
  const me = useQuery(() => meQuery());
  return (
    <QueryBoundary query={me}>
      {(user) => (
        <Show when={hasRole(user(), ...props.roles)} fallback={<NotForYourRole page={props.page} />}>
          {props.children(user())}
        </Show>
      )}
    </QueryBoundary>
  );
}
