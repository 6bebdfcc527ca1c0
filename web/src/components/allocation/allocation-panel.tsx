import type { Referral } from "@linkwork/core/referral/schema";
import { useQuery } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import { allocationOptionsQuery } from "../../queries/allocation-options";
import { useReferralAction } from "../../queries/referral-actions";
import { WarningCallout } from "../../ui/warning-callout";
import type { ActionFeedback } from "../feedback/action-feedback";
import { QueryBoundary } from "../query-boundary";
import { AllocationOptionCard, allocationNoteId } from "./allocation-option-card";

/**
 * After triage: every organisation ranked for this referral, best first, with the reasons for and
 * against each, and allocation in one click.
 */
export function AllocationPanel(props: { referral: Referral; feedback: ActionFeedback }) {
  const options = useQuery(() => allocationOptionsQuery(props.referral.id));
  /** Kept here, as the panel itself is gone by the time the allocation lands. */
  let chosenName = "";
  const allocate = useReferralAction({
    onSuccess: () =>
      props.feedback.succeed(`Allocated to ${chosenName}. They have 5 working days to accept or decline it.`),
    onError: (error, variables) => {
      const target = allocationNoteId(variables.action === "allocate" ? variables.body.organisationId : "");
      props.feedback.failFrom(error, (path) => (path === "note" ? target : undefined), target);
    },
  });
  const firstEligible = () => options.data?.find((option) => option.eligible)?.organisationId;
  const choose = (organisationId: string, name: string, note: string | undefined) => {
    if (allocate.isPending) return;
    chosenName = name;
    allocate.mutate({
      action: "allocate",
      referralId: props.referral.id,
      body: { version: props.referral.version, organisationId, ...(note ? { note } : {}) },
    });
  };
  return (
    <section aria-labelledby="allocation-heading" data-testid="allocation-panel">
      <h2 class="nhsuk-heading-m" id="allocation-heading">
        Allocate to an organisation
      </h2>
      <p class="nhsuk-body">
        Organisations are ranked by whether they can take this referral, then by free places and how long
        people already wait there.
      </p>
      <Show when={!props.referral.consent.shareWithProviders}>
        <WarningCallout heading="The person has not agreed to share their details">
          <p>
            This referral cannot go to another organisation without their agreement. Check with them and ask
            the referrer to update their consent, or close it as signposted.
          </p>
        </WarningCallout>
      </Show>
      <QueryBoundary query={options} loading="Finding organisations that could help…">
        {(ranked) => (
          <Show
            when={ranked().length > 0}
            fallback={<p class="nhsuk-body">No organisation is taking referrals at the moment.</p>}
          >
            <ol class="nhsuk-list linkwork-options" aria-label="Organisations, best match first">
              <For each={ranked()}>
                {(option) => (
                  <AllocationOptionCard
                    option={option}
                    best={option.organisationId === firstEligible()}
                    pending={allocate.isPending}
                    canAllocate={props.referral.consent.shareWithProviders}
                    noteError={props.feedback.messageFor(allocationNoteId(option.organisationId))}
                    onAllocate={(note) => choose(option.organisationId, option.name, note)}
                  />
                )}
              </For>
            </ol>
          </Show>
        )}
      </QueryBoundary>
    </section>
  );
}
