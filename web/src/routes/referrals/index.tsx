import type { ReferralStatus } from "@linkwork/core/referral/schema";
import { useSearchParams } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import { EscalationQueue } from "../../components/escalations/escalation-queue";
import { usePageTitle } from "../../components/page-title";
import { QueryBoundary } from "../../components/query-boundary";
import { ReferralFilterForm } from "../../components/referral-filter-form";
import {
  type FilterParams,
  filtersFromParams,
  filtersHref,
  hasNarrowingFilters,
} from "../../components/referral-filters";
import { ReferralList } from "../../components/referral-list";
import { statusLabels } from "../../labels/referral-labels";
import { hasRole, type Me, meQuery } from "../../queries/me";
import { ButtonLink } from "../../ui/button";

interface StatusLink {
  status: ReferralStatus | undefined;
  text: string;
}

const all: StatusLink = { status: undefined, text: "All" };
const byStatus = (statuses: ReferralStatus[]): StatusLink[] =>
  statuses.map((status) => ({ status, text: statusLabels[status] }));

/** The stages each kind of user has referrals at. */
function statusLinks(me: Me): StatusLink[] {
  if (hasRole(me, "triage_coordinator")) {
    return [
      { status: "received", text: "Waiting for triage" },
      { status: "triaged", text: "Waiting for allocation" },
      ...byStatus(["allocated", "accepted", "assigned", "active", "closed"]),
      all,
    ];
  }
  if (hasRole(me, "org_manager", "link_worker")) {
    return [all, ...byStatus(["allocated", "accepted", "assigned", "active", "closed"])];
  }
  return [all, ...byStatus(["received", "triaged", "allocated", "accepted", "assigned", "active", "closed"])];
}

function headingFor(me: Me, status: ReferralStatus | undefined): string {
  if (hasRole(me, "triage_coordinator")) {
    if (status === "received") return "Triage queue";
    if (status === "triaged") return "Waiting for allocation";
    return status ? `${statusLabels[status]} referrals` : "All referrals";
  }
  return hasRole(me, "org_manager", "link_worker") ? "Our referrals" : "My referrals";
}

function emptyMessage(filters: ReturnType<typeof filtersFromParams>): string {
  if (hasNarrowingFilters(filters)) return "No referrals match these filters.";
  return filters.status === "received"
    ? "There are no referrals waiting for triage."
    : "There are no referrals here.";
}

function ReferralsView(props: { me: Me }) {
  const [searchParams] = useSearchParams<FilterParams>();
  const filters = () => filtersFromParams(searchParams);
  const heading = () => headingFor(props.me, filters().status);
  const coordinates = () => hasRole(props.me, "triage_coordinator");
  usePageTitle(heading);

  return (
    <>
      <h1 class="nhsuk-heading-l">{heading()}</h1>
      <Show when={coordinates() && filters().status === "received"}>
        <p class="nhsuk-body">
          New referrals waiting to be triaged, the most urgent first. Aim to triage each one within 2 working
          days.
        </p>
      </Show>
      <Show when={coordinates() && filters().status === "received"}>
        <EscalationQueue showOrganisation />
      </Show>
      <Show when={hasRole(props.me, "referrer", "mdt_member") && !coordinates()}>
        <ButtonLink href="/referrals/new">Refer someone</ButtonLink>
      </Show>
      <nav aria-label="Filter referrals by status">
        <ul class="linkwork-filter-list">
          <For each={statusLinks(props.me)}>
            {(link) => (
              <li>
                <a
                  href={filtersHref({ ...filters(), status: link.status })}
                  aria-current={filters().status === link.status ? "page" : undefined}
                >
                  {link.text}
                </a>
              </li>
            )}
          </For>
        </ul>
      </nav>
      <ReferralFilterForm filters={filters()} />
      <ReferralList
        filters={filters()}
        caption={heading()}
        showStatus={filters().status === undefined}
        empty={emptyMessage(filters())}
      />
    </>
  );
}

/**
 * `/referrals`: for coordinators the triage queue (`?status=received`) and every referral; for
 * organisation staff their organisation's; for referrers their own. Filters live in the address.
 */
export default function ReferralsPage() {
  const me = useQuery(() => meQuery());
  return <QueryBoundary query={me}>{(user) => <ReferralsView me={user()} />}</QueryBoundary>;
}
