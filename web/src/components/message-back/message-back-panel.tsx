import type { Referral } from "@linkwork/core/referral/schema";
import { Show } from "solid-js";
import { formatDateTime } from "../../format/dates";
import { closureReasonLabels } from "../../labels/referral-labels";

/**
 * On a closed referral, for those who may read it (the referrer above all): what the message back
 * says in brief, and the way to the whole of it to print or save.
 */
export function MessageBackPanel(props: { referral: Referral }) {
  return (
    <section
      class="nhsuk-card nhsuk-card--feature linkwork-message-back-panel"
      aria-labelledby="message-back-panel-heading"
      data-testid="message-back-panel"
    >
      <div class="nhsuk-card__content nhsuk-card__content--feature">
        <h2
          class="nhsuk-card__heading nhsuk-card__heading--feature nhsuk-heading-m"
          id="message-back-panel-heading"
        >
          Message back
        </h2>
        <p class="nhsuk-body">
          Support ended
          <Show when={props.referral.closedAt}>{(closedAt) => <> on {formatDateTime(closedAt())}</>}</Show>
          <Show when={props.referral.closureReason}>
            {(reason) => <>: {closureReasonLabels[reason()].toLowerCase()}</>}
          </Show>
          .
        </p>
        <Show when={props.referral.closureSummary}>
          {(summary) => <p class="nhsuk-body linkwork-preserve-lines nhsuk-u-margin-bottom-3">{summary()}</p>}
        </Show>
        <p class="nhsuk-body nhsuk-u-margin-bottom-0">
          <a href={`/referrals/${props.referral.id}/message-back`}>
            Read the full message back
            <span class="nhsuk-u-visually-hidden"> for referral {props.referral.reference}</span>
          </a>
          , with the connections made, outcome measures and codes for the GP record, to print or save as a
          PDF.
        </p>
      </div>
    </section>
  );
}
