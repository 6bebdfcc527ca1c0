import type { SearchResults as Results } from "@linkwork/core/search/schema";
import { For, Show } from "solid-js";
import { InsetText } from "../../ui/inset-text";
import { SummaryRow } from "../../ui/summary-list";
import { ReferralCard } from "../referral-card";
import { StatusTag } from "../referral-tags";

/** How many were found, said so that a screen reader announces it when the results change. */
export function resultCount(results: Results, q: string): string {
  const count = results.items.length;
  const found = count === 0 ? "No referrals" : count === 1 ? "1 referral" : `${count} referrals`;
  return `${found} found for “${q}”${results.truncated ? ", showing the best matches" : ""}`;
}

/** The referrals found, best first, as the queues show them, with each one's status. */
export function SearchResults(props: { results: Results; q: string }) {
  return (
    <Show when={props.results.items.length > 0} fallback={<NothingFound />}>
      <Show when={props.results.truncated}>
        <InsetText>
          <p>
            There may be more people matching “{props.q}” than are shown here. Type more of the name, or
            search by NHS number or referral reference.
          </p>
        </InsetText>
      </Show>
      <ul class="nhsuk-list linkwork-card-list" aria-label={`Referrals found for “${props.q}”`}>
        <For each={props.results.items}>
          {(referral) => (
            <ReferralCard
              referral={referral}
              extra={
                <SummaryRow key="Status">
                  <StatusTag status={referral.status} />
                </SummaryRow>
              }
            />
          )}
        </For>
      </ul>
    </Show>
  );
}

function NothingFound() {
  return (
    <div data-testid="search-empty">
      <h2 class="nhsuk-heading-m">What to try</h2>
      <p class="nhsuk-body">You can only find people whose referrals you are allowed to see. Try:</p>
      <ul class="nhsuk-list nhsuk-list--bullet">
        <li>checking the spelling, or typing just the start of each name, such as “Ada Oka”</li>
        <li>the person's whole NHS number, 10 digits, such as 943 476 5919</li>
        <li>the referral reference the person was given, such as LW-7K3M-Q9P2</li>
      </ul>
    </div>
  );
}
