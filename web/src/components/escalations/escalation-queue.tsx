import type { EscalationTarget } from "@linkwork/core/casework/vocabulary";
import { useQuery } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import { formatDateTime } from "../../format/dates";
import { escalationTargetPhrases } from "../../labels/casework-labels";
import { openEscalationsQuery } from "../../queries/escalations";
import { findOrganisation, organisationsQuery } from "../../queries/organisations";
import { SummaryList, SummaryRow } from "../../ui/summary-list";
import { Tag, type TagColour } from "../../ui/tag";
import { type ActionFeedback, createActionFeedback } from "../feedback/action-feedback";
import { FeedbackSummary } from "../feedback/feedback-summary";
import { ResolveEscalationForm } from "./resolve-escalation-form";

/** A safeguarding concern is acted on first, so it stands out as safeguarding risk flags do. */
const targetColours: Record<EscalationTarget, TagColour> = {
  safeguarding: "red",
  adult_social_care: "orange",
  gp: "blue",
};

/**
 * Open escalations (back to the GP, to adult social care, safeguarding) for a coordinator's area or
 * a manager's organisation, oldest first, each with the referral and a way to mark it resolved.
 * Nothing shows while there are none: the queue below is the page's main work.
 */
export function EscalationQueue(props: { feedback?: ActionFeedback; showOrganisation?: boolean }) {
  // A page without its own feedback (the triage queue) gets the section's, shown above it.
  const ownsFeedback = props.feedback === undefined;
  const feedback = props.feedback ?? createActionFeedback();
  const escalations = useQuery(() => openEscalationsQuery());
  const organisations = useQuery(() => organisationsQuery());
  const oldestFirst = () =>
    [...(escalations.data ?? [])].sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
  return (
    <>
      <Show when={ownsFeedback}>
        <FeedbackSummary feedback={feedback} />
      </Show>
      <Show when={escalations.isError}>
        <p class="nhsuk-body" role="status">
          Open escalations could not be loaded just now. Reload the page to try again.
        </p>
      </Show>
      <Show when={oldestFirst().length > 0}>
        <section aria-labelledby="open-escalations-heading" data-testid="escalation-queue">
          <h2 class="nhsuk-heading-m" id="open-escalations-heading">
            Open escalations ({oldestFirst().length})
          </h2>
          <p class="nhsuk-body">
            Link workers raised these with the GP, adult social care or safeguarding. Check each one has been
            acted on, then mark it resolved.
          </p>
          <ul class="nhsuk-list linkwork-card-list" aria-label="Open escalations">
            <For each={oldestFirst()}>
              {(escalation) => {
                const subject = () => escalation.personName ?? `referral ${escalation.reference}`;
                return (
                  <li class="nhsuk-card" data-testid="escalation">
                    <div class="nhsuk-card__content">
                      <h3 class="nhsuk-card__heading nhsuk-heading-s">
                        <a href={`/referrals/${escalation.referralId}`}>
                          {escalation.personName ?? `Referral ${escalation.reference}`}
                          <Show when={escalation.personName}>
                            <span class="nhsuk-u-visually-hidden">, referral {escalation.reference}</span>
                          </Show>
                        </a>
                      </h3>
                      <p class="nhsuk-body">
                        <Tag colour={targetColours[escalation.to]}>
                          {escalationTargetPhrases[escalation.to]}
                        </Tag>
                      </p>
                      <SummaryList>
                        <SummaryRow key="Referral">
                          <span class="linkwork-nowrap">{escalation.reference}</span>
                        </SummaryRow>
                        <SummaryRow key="Raised">
                          <time datetime={escalation.raisedAt}>{formatDateTime(escalation.raisedAt)}</time>
                        </SummaryRow>
                        <SummaryRow key="By">{escalation.raisedByName}</SummaryRow>
                        <Show when={escalation.note}>
                          {(note) => (
                            <SummaryRow key="Concern">
                              <span class="linkwork-preserve-lines">{note()}</span>
                            </SummaryRow>
                          )}
                        </Show>
                        <Show when={props.showOrganisation && escalation.organisationId}>
                          {(organisationId) => (
                            <SummaryRow key="Organisation">
                              {findOrganisation(organisations.data, organisationId())?.name ?? "Not known"}
                            </SummaryRow>
                          )}
                        </Show>
                      </SummaryList>
                      <ResolveEscalationForm
                        escalation={escalation}
                        subject={subject()}
                        feedback={feedback}
                      />
                    </div>
                  </li>
                );
              }}
            </For>
          </ul>
        </section>
      </Show>
    </>
  );
}
