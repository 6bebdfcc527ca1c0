import { useQuery } from "@tanstack/solid-query";
import { Show } from "solid-js";
import { EscalationQueue } from "../components/escalations/escalation-queue";
import { createActionFeedback } from "../components/feedback/action-feedback";
import { FeedbackSummary } from "../components/feedback/feedback-summary";
import { usePageTitle } from "../components/page-title";
import { ReferralCard } from "../components/referral-card";
import { ReferralCardList } from "../components/referral-card-list";
import { RoleGate } from "../components/role-gate";
import { AllocationDecision } from "../components/workflow/allocation-decision";
import { formatShortDateTime } from "../format/dates";
import type { Me } from "../queries/me";
import { findOrganisation, organisationsQuery } from "../queries/organisations";
import { SummaryRow } from "../ui/summary-list";

function IncomingAllocations(props: { me: Me }) {
  const feedback = createActionFeedback();
  const organisations = useQuery(() => organisationsQuery());
  const organisationName = () => findOrganisation(organisations.data, props.me.organisationId)?.name;
  usePageTitle(() => `${feedback.problem() ? "Error: " : ""}Incoming allocations`);
  return (
    <>
      <FeedbackSummary feedback={feedback} />
      <h1 class="nhsuk-heading-l">
        <Show when={organisationName()}>{(name) => <span class="nhsuk-caption-l">{name()}</span>}</Show>
        Incoming allocations
      </h1>
      <EscalationQueue feedback={feedback} />
      <p class="nhsuk-body">
        The triage team has allocated these referrals to your organisation. Accept or decline each one within
        5 working days. If you do not, it goes back to the triage team.
      </p>
      <ReferralCardList
        filters={{ status: "allocated", organisationId: props.me.organisationId }}
        label="Incoming allocations"
        empty={<p class="nhsuk-body">There are no allocations waiting for your organisation.</p>}
      >
        {(referral) => (
          <ReferralCard
            referral={referral}
            extra={
              <SummaryRow key="Allocated">
                {referral.allocatedAt ? formatShortDateTime(referral.allocatedAt) : "Not recorded"}
              </SummaryRow>
            }
          >
            <Show when={referral.triageNote}>
              {(note) => (
                <div class="nhsuk-inset-text nhsuk-u-margin-top-0">
                  <span class="nhsuk-u-visually-hidden">Information: </span>
                  <p>
                    <strong>Note from triage:</strong> {note()}
                  </p>
                </div>
              )}
            </Show>
            <AllocationDecision referral={referral} feedback={feedback} />
          </ReferralCard>
        )}
      </ReferralCardList>
    </>
  );
}

/** `/incoming`: referrals allocated to the manager's organisation, to accept or decline. */
export default function IncomingPage() {
  return (
    <RoleGate roles={["org_manager"]} page="Incoming allocations">
      {(me) => <IncomingAllocations me={me} />}
    </RoleGate>
  );
}
