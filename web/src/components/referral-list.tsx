import { useInfiniteQuery } from "@tanstack/solid-query";
import { Show } from "solid-js";
import { type ReferralFilters, referralListQuery } from "../queries/referrals";
import { LoadMore, ShowingCount } from "./paging";
import { QueryBoundary } from "./query-boundary";
import { ReferralTable } from "./referral-table";

/** A list of referrals from the API, a page at a time, with an empty state and "Load more". */
export function ReferralList(props: {
  filters: ReferralFilters;
  caption: string;
  empty: string;
  showStatus?: boolean;
}) {
  const query = useInfiniteQuery(() => referralListQuery(props.filters));
  return (
    <QueryBoundary query={query} loading="Loading referrals…">
      {(data) => {
        const referrals = () => data().pages.flatMap((page) => page.items);
        return (
          <Show when={referrals().length > 0} fallback={<p class="nhsuk-body">{props.empty}</p>}>
            <ReferralTable
              caption={props.caption}
              referrals={referrals()}
              showStatus={props.showStatus ?? false}
            />
            <ShowingCount count={referrals().length} more={query.hasNextPage} class="nhsuk-body-s" />
            <LoadMore query={query} />
          </Show>
        );
      }}
    </QueryBoundary>
  );
}
