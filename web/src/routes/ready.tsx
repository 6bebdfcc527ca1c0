import { useQuery } from "@tanstack/solid-query";
import { Show } from "solid-js";
import { CapacitySummary } from "../components/capacity-summary";
import { createActionFeedback } from "../components/feedback/action-feedback";
import { FeedbackSummary } from "../components/feedback/feedback-summary";
import { usePageTitle } from "../components/page-title";
import { ReferralCard } from "../components/referral-card";
import { ReferralCardList } from "../components/referral-card-list";
import { RoleGate } from "../components/role-gate";
import { PickUp } from "../components/workflow/pick-up";
import { formatShortDateTime } from "../format/dates";
import { caseloadQuery } from "../queries/caseload";
import type { Me } from "../queries/me";
import { SummaryRow } from "../ui/summary-list";

function ReadyToPickUp(props: { me: Me }) {
  const feedback = createActionFeedback();
  const caseload = useQuery(() => caseloadQuery());
  usePageTitle(() => `${feedback.problem() ? "Error: " : ""}Ready to pick up`);
  return (
    <>
      <FeedbackSummary feedback={feedback} />
      <h1 class="nhsuk-heading-l">Ready to pick up</h1>
      <p class="nhsuk-body">
        Your organisation has accepted these referrals. Pick one up to add it to your caseload, then contact
        the person.
      </p>
      <Show when={caseload.data}>
        {(mine) => (
          <>
            <h2 class="nhsuk-heading-s nhsuk-u-margin-bottom-1">Your caseload</h2>
            <CapacitySummary used={mine().activeCaseload} limit={mine().caseloadLimit} />
          </>
        )}
      </Show>
      <ReferralCardList
        filters={{ status: "accepted", organisationId: props.me.organisationId }}
        label="Referrals ready to pick up"
        empty={<p class="nhsuk-body">Nothing is waiting to be picked up.</p>}
      >
        {(referral) => (
          <ReferralCard
            referral={referral}
            extra={
              <SummaryRow key="Accepted">
                {referral.acceptedAt ? formatShortDateTime(referral.acceptedAt) : "Not recorded"}
              </SummaryRow>
            }
          >
            <PickUp referral={referral} feedback={feedback} />
          </ReferralCard>
        )}
      </ReferralCardList>
    </>
  );
}

/** `/ready`: the organisation's accepted referrals, for its link workers to pick up. */
export default function ReadyPage() {
  return (
    <RoleGate roles={["link_worker"]} page="Ready to pick up">
      {(me) => <ReadyToPickUp me={me} />}
    </RoleGate>
  );
}
