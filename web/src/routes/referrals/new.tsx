import { useQuery } from "@tanstack/solid-query";
import { Match, Switch } from "solid-js";
import { usePageTitle } from "../../components/page-title";
import { QueryBoundary } from "../../components/query-boundary";
import { ReferralForm, type ReferralFormDefaults } from "../../components/referral-form/referral-form";
import { hasRole, type Me, meQuery } from "../../queries/me";
import { findOrganisation, organisationsQuery } from "../../queries/organisations";
import { BackLink } from "../../ui/back-link";

function NotAReferrer() {
  usePageTitle(() => "Refer someone");
  return (
    <>
      <h1 class="nhsuk-heading-l">You cannot make referrals</h1>
      <p class="nhsuk-body">Referrals are made by referrers, MDT members and triage coordinators.</p>
    </>
  );
}

/** `/referrals/new`: the referral form, with the user's own practice filled in when they work at one. */
export default function NewReferralPage() {
  const me = useQuery(() => meQuery());
  const organisations = useQuery(() => organisationsQuery());
  const defaults = (user: Me): ReferralFormDefaults => {
    const organisation = findOrganisation(organisations.data, user.organisationId);
    if (organisation?.kind !== "gp_practice") return {};
    return { source: "gp", practiceOds: organisation.odsCode };
  };
  return (
    <>
      <BackLink href="/">Back</BackLink>
      <QueryBoundary query={me}>
        {(user) => (
          <Switch>
            <Match when={!hasRole(user(), "referrer", "mdt_member", "triage_coordinator")}>
              <NotAReferrer />
            </Match>
            <Match when={organisations.isPending}>
              <p class="nhsuk-body" role="status">
                Loading…
              </p>
            </Match>
            <Match when={true}>
              <ReferralForm defaults={defaults(user())} />
            </Match>
          </Switch>
        )}
      </QueryBoundary>
    </>
  );
}
