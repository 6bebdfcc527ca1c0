import type { Referral } from "@linkwork/core/referral/schema";
import { useQuery } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import { CapacitySummary } from "../components/capacity-summary";
import { PhoneLink } from "../components/case/phone-link";
import { usePageTitle } from "../components/page-title";
import { QueryBoundary } from "../components/query-boundary";
import { ReferralCard } from "../components/referral-card";
import { RoleGate } from "../components/role-gate";
import { formatCalendarDate, formatShortDateTime } from "../format/dates";
import { escalationTargetPhrases } from "../labels/casework-labels";
import { caseloadQuery } from "../queries/caseload";
import { ButtonLink } from "../ui/button";
import { SummaryRow } from "../ui/summary-list";
import { Tag } from "../ui/tag";

const fullName = (referral: Referral) => `${referral.person.givenName} ${referral.person.familyName}`;

const firstContactOverdue = (referral: Referral) =>
  referral.serviceLevel?.step === "first_contact" && referral.serviceLevel.overdue;

/** "2 reviews overdue, 1 first contact overdue": what needs doing first, above the list. */
function attentionLine(items: readonly Referral[]): string | undefined {
  const reviews = items.filter((referral) => referral.reviewOverdue === true).length;
  const contacts = items.filter(firstContactOverdue).length;
  const parts = [
    reviews > 0 ? `${reviews} ${reviews === 1 ? "review" : "reviews"} overdue` : undefined,
    contacts > 0 ? `${contacts} first ${contacts === 1 ? "contact" : "contacts"} overdue` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : undefined;
}

/** What a link worker checks on each case before the day's calls: reaching them, and what is due. */
function CaseloadRows(props: { referral: Referral }) {
  const referral = () => props.referral;
  const attempts = () => referral().failedContactAttempts ?? 0;
  return (
    <>
      <SummaryRow key="Phone">
        <Show when={referral().person.phone} fallback="Not recorded">
          {(phone) => <PhoneLink phone={phone()} name={fullName(referral())} />}
        </Show>
      </SummaryRow>
      <SummaryRow key="First contact">
        <Show
          when={referral().firstContactAt}
          fallback={
            <>
              Not made yet
              <Show when={firstContactOverdue(referral())}>
                {" "}
                <Tag colour="red">Overdue</Tag>
              </Show>
            </>
          }
        >
          {(at) => formatShortDateTime(at())}
        </Show>
        <Show when={attempts() > 0}>
          {" "}
          <Tag colour="orange">{attempts() === 1 ? "1 failed attempt" : `${attempts()} failed attempts`}</Tag>
        </Show>
      </SummaryRow>
      <SummaryRow key="Next review">
        <Show when={referral().reviewOn} fallback="Not set">
          {(reviewOn) => (
            <>
              {formatCalendarDate(reviewOn())}
              <Show when={referral().reviewOverdue}>
                {" "}
                <Tag colour="red">Review overdue</Tag>
              </Show>
            </>
          )}
        </Show>
      </SummaryRow>
      <Show when={(referral().openEscalations ?? []).length > 0}>
        <SummaryRow key="Escalated">
          {(referral().openEscalations ?? []).map((target) => escalationTargetPhrases[target]).join(", ")}
        </SummaryRow>
      </Show>
    </>
  );
}

function MyCaseload() {
  const caseload = useQuery(() => caseloadQuery());
  usePageTitle(() => "My caseload");
  return (
    <>
      <h1 class="nhsuk-heading-l">My caseload</h1>
      <QueryBoundary query={caseload} loading="Loading your caseload…">
        {(mine) => (
          <>
            <CapacitySummary used={mine().activeCaseload} limit={mine().caseloadLimit} />
            <Show when={attentionLine(mine().items)}>
              {(line) => (
                <p class="nhsuk-body" data-testid="caseload-attention">
                  <strong>{line()}</strong>
                </p>
              )}
            </Show>
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
                    <ReferralCard referral={referral} extra={<CaseloadRows referral={referral} />}>
                      <ButtonLink href={`/referrals/${referral.id}/case`} small>
                        Open case<span class="nhsuk-u-visually-hidden"> for {fullName(referral)}</span>
                      </ButtonLink>
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

/** `/caseload`: the link worker's own cases, how full the caseload is, what is due, and the way into each case. */
export default function CaseloadPage() {
  return (
    <RoleGate roles={["link_worker"]} page="My caseload">
      {() => <MyCaseload />}
    </RoleGate>
  );
}
