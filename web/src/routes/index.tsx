import { Navigate } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { Match, Show, Switch } from "solid-js";
import { usePageTitle } from "../components/page-title";
import { QueryBoundary } from "../components/query-boundary";
import { ReferralList } from "../components/referral-list";
import { hasRole, type Me, mayOpenRecords, meQuery } from "../queries/me";
import { ButtonLink } from "../ui/button";

function ReferralsHome(props: { me: Me }) {
  const refers = () => hasRole(props.me, "referrer", "mdt_member");
  const heading = () => (refers() ? "Your referrals" : "Referrals for your organisation");
  usePageTitle(heading);
  return (
    <>
      <h1 class="nhsuk-heading-l">{heading()}</h1>
      <Show when={refers()}>
        <ButtonLink href="/referrals/new">Refer someone</ButtonLink>
      </Show>
      <ReferralList
        filters={{}}
        caption={heading()}
        showStatus
        empty={
          refers() ? "You have not referred anyone yet." : "There are no referrals for your organisation yet."
        }
      />
    </>
  );
}

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

/** Home sends each user to where their work is: coordinators to the triage queue, others to their referrals. */
export default function HomePage() {
  const me = useQuery(() => meQuery());
  return (
    <QueryBoundary query={me}>
      {(user) => (
        <Switch>
          <Match when={hasRole(user, "triage_coordinator")}>
            <Navigate href="/referrals?status=received" />
          </Match>
          <Match when={mayOpenRecords(user)}>
            <ReferralsHome me={user} />
          </Match>
          <Match when={true}>
            <NoRecordsHome me={user} />
          </Match>
        </Switch>
      )}
    </QueryBoundary>
  );
}
