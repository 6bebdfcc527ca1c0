import { Navigate } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { Match, Switch } from "solid-js";
import { usePageTitle } from "../components/page-title";
import { QueryBoundary } from "../components/query-boundary";
import { hasRole, type Me, mayOpenRecords, meQuery } from "../queries/me";

function NoRecordsHome(props: { me: Me }) {
  usePageTitle(() => "Home");
  return (
    <>
      <h1 class="nhsuk-heading-l">Welcome, {props.me.name}</h1>
      <p class="nhsuk-body">
        Your role does not include access to people's records. Reports and administration will appear here.
      </p>
    </>
  );
}

/** Home sends each user to where their work starts: the queue, incoming allocations, cases or referrals. */
export default function HomePage() {
  const me = useQuery(() => meQuery());
  return (
    <QueryBoundary query={me}>
      {(user) => (
        <Switch>
          <Match when={hasRole(user(), "triage_coordinator")}>
            <Navigate href="/referrals?status=received" />
          </Match>
          <Match when={hasRole(user(), "org_manager")}>
            <Navigate href="/incoming" />
          </Match>
          <Match when={hasRole(user(), "link_worker")}>
            <Navigate href="/caseload" />
          </Match>
          <Match when={mayOpenRecords(user())}>
            <Navigate href="/referrals" />
          </Match>
          <Match when={true}>
            <NoRecordsHome me={user()} />
          </Match>
        </Switch>
      )}
    </QueryBoundary>
  );
}
