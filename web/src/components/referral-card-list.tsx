import type { Referral } from "@linkwork/core/referral/schema";
import { useInfiniteQuery } from "@tanstack/solid-query";
import { For, type JSX, Show } from "solid-js";
import { type ReferralFilters, referralListQuery } from "../queries/referrals";
import { Button } from "../ui/button";
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
            <p class="nhsuk-body" role="status">
              Showing {referrals().length} {referrals().length === 1 ? "referral" : "referrals"}
              {query.hasNextPage ? ". There are more." : "."}
            </p>
            <ul class="nhsuk-list linkwork-card-list" aria-label={props.label}>
              <For each={referrals()}>{(referral) => props.children(referral)}</For>
            </ul>
            <Show when={query.hasNextPage}>
              <Button
                type="button"
                variant="secondary"
                disabled={query.isFetchingNextPage}
                onClick={() => void query.fetchNextPage()}
              >
                {query.isFetchingNextPage ? "Loading more…" : "Load more"}
              </Button>
            </Show>
          </Show>
        );
      }}
    </QueryBoundary>
  );
}
