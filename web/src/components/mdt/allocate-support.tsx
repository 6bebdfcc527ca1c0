import { useQuery, useQueryClient } from "@tanstack/solid-query";
import { createEffect, Match, on, Switch } from "solid-js";
import { meetingKeys } from "../../queries/meeting";
import { findOrganisation, organisationsQuery } from "../../queries/organisations";
import { referralQuery } from "../../queries/referrals";
import { AllocationPanel } from "../allocation/allocation-panel";
import { createActionFeedback } from "../feedback/action-feedback";
import { FeedbackSummary } from "../feedback/feedback-summary";
import { QueryBoundary } from "../query-boundary";
import { TriageForm } from "../triage/triage-form";
import { referralAllows } from "./referral-allows";

/**
 * Allocation from the board, through the same rules and ranked options as triage: the referral is
 * triaged first if it has not been, and only what its `allowedActions` permit is offered.
 */
export function AllocateSupport(props: {
  referralId: string;
  meetingId: string;
  /** Allocated here, to the organisation named: the meeting still has to record its decision. */
  onAllocated?: (organisationName: string) => void;
}) {
  const queryClient = useQueryClient();
  const referral = useQuery(() => referralQuery(props.referralId));
  const organisations = useQuery(() => organisationsQuery());
  const feedback = createActionFeedback();
  // The allocation's own success fires before the allocated referral is cached; only once both have
  // landed is the organisation known, and only a referral seen unallocated here was allocated here.
  let seenUnallocated = false;
  let reported: string | undefined;
  createEffect(() => {
    const current = referral.data;
    if (!current) return;
    const organisationId = current.organisationId;
    if (!organisationId) {
      seenUnallocated = true;
      return;
    }
    if (!seenUnallocated || !feedback.success() || reported === organisationId) return;
    reported = organisationId;
    props.onAllocated?.(findOrganisation(organisations.data, organisationId)?.name ?? organisationId);
  });
  // Allocating takes a place somewhere: the strip shows it without waiting for the live notice.
  createEffect(
    on(feedback.success, (message) => {
      if (message) void queryClient.invalidateQueries({ queryKey: meetingKeys.capacity(props.meetingId) });
    }),
  );
  return (
    <section aria-labelledby={`allocate-${props.referralId}`} data-testid="allocate-support">
      <h3 class="nhsuk-heading-s" id={`allocate-${props.referralId}`}>
        Allocate support
      </h3>
      <FeedbackSummary feedback={feedback} />
      <QueryBoundary query={referral} loading="Loading the referral…">
        {(current) => (
          <Switch
            fallback={
              <p class="nhsuk-body-s">
                {current().organisationId
                  ? "This referral has already been allocated."
                  : "You cannot allocate this referral from the board."}
              </p>
            }
          >
            <Match when={referralAllows(current(), "allocate")}>
              <AllocationPanel referral={current()} feedback={feedback} />
            </Match>
            <Match when={referralAllows(current(), "triage")}>
              <p class="nhsuk-body-s">Triage it first; the organisations that could help are shown next.</p>
              <TriageForm referral={current()} feedback={feedback} />
            </Match>
          </Switch>
        )}
      </QueryBoundary>
    </section>
  );
}
