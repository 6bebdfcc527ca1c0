import type { Referral } from "@linkwork/core/referral/schema";
import { For, Show } from "solid-js";
import { formatShortDateTime } from "../format/dates";
import { statusLabels } from "../labels/referral-labels";
import { WarningCallout } from "../ui/warning-callout";

/**
 * The person already has other referrals open: check them before triaging, so nobody is passed
 * between organisations or asked to tell their story twice.
 */
export function OtherOpenReferrals(props: { referral: Referral }) {
  const others = () => props.referral.otherOpenReferrals ?? [];
  return (
    <Show when={others().length > 0}>
      <WarningCallout heading="This person has other open referrals">
        <p>
          Check these before you triage, so the person is not supported twice or asked to repeat their story:
        </p>
        <ul>
          <For each={others()}>
            {(other) => (
              <li>
                <a href={`/referrals/${other.id}`}>{other.reference}</a>:{" "}
                {statusLabels[other.status].toLowerCase()}, received {formatShortDateTime(other.receivedAt)}
              </li>
            )}
          </For>
        </ul>
      </WarningCallout>
    </Show>
  );
}
