import type { Referral } from "@linkwork/core/referral/schema";
import { useInfiniteQuery } from "@tanstack/solid-query";
import { For, type JSX, Show } from "solid-js";
import { type ReferralFilters, referralListQuery } from "../queries/referrals";
import { LoadMore, ShowingCount } from "./paging";
import { QueryBoundary } from "./query-boundary";

/** A work queue of referrals as cards, in the API's order, a page at a time. */
export function ReferralCardList(props: {
  filters: ReferralFilters;
  label: string;
  empty: JSX.Element;
  children: (referral: Referral) => JSX.Element;
}) {
  const query = useInfiniteQuery(() => referralListQuery(props.filters));
  return (
    <QueryBoundary query={query} loading="Loading referrals…">
      {(data) => {
        const referrals = () => data().pages.flatMap((page) => page.items);
        return (
          <Show when={referrals().length > 0} fallback={props.empty}>
            <ShowingCount count={referrals().length} more={query.hasNextPage} />
            <ul class="nhsuk-list linkwork-card-list" aria-label={props.label}>
              <For each={referrals()}>{(referral) => props.children(referral)}</For>
            </ul>
            <LoadMore query={query} />
          </Show>
        );
      }}
    </QueryBoundary>
  );
}
