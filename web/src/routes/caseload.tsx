import { useQuery } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import { CapacitySummary } from "../components/capacity-summary";
import { createActionFeedback } from "../components/feedback/action-feedback";
import { FeedbackSummary } from "../components/feedback/feedback-summary";
import { usePageTitle } from "../components/page-title";
import { QueryBoundary } from "../components/query-boundary";
import { ReferralCard } from "../components/referral-card";
import { RoleGate } from "../components/role-gate";
import { CaseActions } from "../components/workflow/case-actions";
import { formatShortDateTime } from "../format/dates";
import { caseloadQuery } from "../queries/caseload";
import { SummaryRow } from "../ui/summary-list";

function MyCaseload() {
  const feedback = createActionFeedback();
  const caseload = useQuery(() => caseloadQuery());
  usePageTitle(() => `${feedback.problem() ? "Error: " : ""}My caseload`);
  return (
    <>
      <FeedbackSummary feedback={feedback} />
      <h1 class="nhsuk-heading-l">My caseload</h1>
      <QueryBoundary query={caseload} loading="Loading your caseload…">
        {(mine) => (
          <>
            <CapacitySummary used={mine().activeCaseload} limit={mine().caseloadLimit} />
            <Show
              when={mine().items.length > 0}
              fallback={
                <p class="nhsuk-body">
                  You have no active cases. <a href="/ready">See who is ready to pick up</a>.
                </p>
              }
            >
              <ul class="nhsuk-list linkwork-card-list" aria-label="Your cases">
                <For each={mine().items}>
                  {(referral) => (
                    <ReferralCard
                      referral={referral}
                      extra={
                        <>
                          <SummaryRow key="Picked up">
                            {referral.assignedAt ? formatShortDateTime(referral.assignedAt) : "Not recorded"}
                          </SummaryRow>
                          <SummaryRow key="First contact">
                            {referral.firstContactAt
                              ? formatShortDateTime(referral.firstContactAt)
                              : "Not made yet"}
                          </SummaryRow>
                        </>
                      }
                    >
                      <CaseActions referral={referral} feedback={feedback} mayRecordContact />
                    </ReferralCard>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </QueryBoundary>
    </>
  );
}

/** `/caseload`: the link worker's own active cases, how full the caseload is, and what to do next on each. */
export default function CaseloadPage() {
  return (
    <RoleGate roles={["link_worker"]} page="My caseload">
      {() => <MyCaseload />}
    </RoleGate>
  );
}
