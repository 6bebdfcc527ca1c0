import type { Referral } from "@linkwork/core/referral/schema";
import { For, type JSX, Show } from "solid-js";
import { ageInYears, formatShortCalendarDate } from "../format/dates";
import { optionalLabel } from "../labels/optional-label";
import { needLabels, supportLevelLabels } from "../labels/referral-labels";
import { SummaryList, SummaryRow } from "../ui/summary-list";
import { Tag } from "../ui/tag";
import { PossibleMatchTag } from "./person-match/possible-match-tag";
import { PriorityTag, RiskFlagTags } from "./referral-tags";
import { ServiceLevelState } from "./service-level";

/**
 * A referral in a work queue (incoming, ready to pick up, caseload): enough to decide what to do
 * with it, a link to the whole record, and the actions that fit the queue.
 */
export function ReferralCard(props: { referral: Referral; extra?: JSX.Element; children?: JSX.Element }) {
  const referral = () => props.referral;
  const name = () => `${referral().person.givenName} ${referral().person.familyName}`;
  return (
    <li class="nhsuk-card linkwork-referral-card" data-testid="referral-card">
      <div class="nhsuk-card__content">
        <h2 class="nhsuk-card__heading nhsuk-heading-m">
          <a href={`/referrals/${referral().id}`}>
            {name()}
            <span class="nhsuk-u-visually-hidden">, referral {referral().reference}</span>
          </a>
        </h2>
        <p class="nhsuk-body-s linkwork-secondary">
          Referral <span class="linkwork-nowrap">{referral().reference}</span> · Born{" "}
          {formatShortCalendarDate(referral().person.dateOfBirth)} (age{" "}
          {ageInYears(referral().person.dateOfBirth)}) · {referral().person.postcode}
          <Show when={referral().hasOtherOpenReferrals}>
            {" "}
            <Tag colour="orange">Also has an open referral</Tag>
          </Show>
          <Show when={referral().possibleMatch}>
            {" "}
            <PossibleMatchTag />
          </Show>
        </p>
        <SummaryList>
          <SummaryRow key="Priority">
            <PriorityTag priority={referral().priority} />
          </SummaryRow>
          <SummaryRow key="Support level">
            {optionalLabel(supportLevelLabels, referral().supportLevel, "Not set")}
          </SummaryRow>
          <SummaryRow key="Needs">
            <ul class="nhsuk-list linkwork-compact-list">
              <For each={referral().needs}>{(need) => <li>{needLabels[need]}</li>}</For>
            </ul>
          </SummaryRow>
          <SummaryRow key="Risks">
            <RiskFlagTags flags={referral().riskFlags} />
          </SummaryRow>
          <SummaryRow key="Due">
            <ServiceLevelState referral={referral()} none="Nothing due" />
          </SummaryRow>
          {props.extra}
        </SummaryList>
        {props.children}
      </div>
    </li>
  );
}
