import { Show } from "solid-js";
import { Button } from "../ui/button";

/** What an infinite query offers for its next page. */
export interface NextPage {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): Promise<unknown>;
}

/** "Showing 12 referrals. There are more.", announced as it changes. */
export function ShowingCount(props: { count: number; more: boolean; class?: string }) {
  return (
    <p class={props.class ?? "nhsuk-body"} role="status">
      Showing {props.count} {props.count === 1 ? "referral" : "referrals"}
      {props.more ? ". There are more." : "."}
    </p>
  );
}

/** The "Load more" button, while the API says there is a next page. */
export function LoadMore(props: { query: NextPage }) {
  return (
    <Show when={props.query.hasNextPage}>
      <Button
        type="button"
        variant="secondary"
        disabled={props.query.isFetchingNextPage}
        onClick={() => void props.query.fetchNextPage()}
      >
        {props.query.isFetchingNextPage ? "Loading more…" : "Load more"}
      </Button>
    </Show>
  );
}
