import type { Case } from "@linkwork/core/casework/schema";
import type { Referral } from "@linkwork/core/referral/schema";
import { Show } from "solid-js";
import { formatCalendarDate, formatDateTime } from "../../format/dates";
import { optionalLabel } from "../../labels/optional-label";
import { accessibleFormatLabels, contactMethodLabels, languageLabel } from "../../labels/person-labels";
import { needLabels } from "../../labels/referral-labels";
import { SummaryList, SummaryRow } from "../../ui/summary-list";
import { Tag } from "../../ui/tag";
import { RiskFlagTags } from "../referral-tags";
import { PhoneLink } from "./phone-link";

export const personName = (referral: Referral) =>
  `${referral.person.givenName} ${referral.person.familyName}`;

/** Language and interpreter in one line, as a worker reads it before calling: "Polish, needs an interpreter". */
function languageLine(referral: Referral): string {
  const person = referral.person;
  const language = optionalLabel(languageLabel, person.preferredLanguage, "English (not recorded otherwise)");
  if (person.interpreterNeeded === true) return `${language}, needs an interpreter`;
  if (person.interpreterNeeded === false) return `${language}, no interpreter needed`;
  return language;
}

/** Who the case is about and how to reach them: what a worker needs before picking up the phone. */
export function CaseHeader(props: { referral: Referral; case: Case }) {
  const person = () => props.referral.person;
  return (
    <SummaryList>
      <SummaryRow key="Phone">
        <Show when={person().phone} fallback="Not recorded">
          {(phone) => <PhoneLink phone={phone()} name={personName(props.referral)} />}
        </Show>
      </SummaryRow>
      <SummaryRow key="Preferred contact">
        {optionalLabel(contactMethodLabels, person().preferredContactMethod, "Not recorded")}
        <Show when={person().email}>
          {(email) => (
            <>
              {" · "}
              <a href={`mailto:${email()}`}>{email()}</a>
            </>
          )}
        </Show>
      </SummaryRow>
      <SummaryRow key="Language">{languageLine(props.referral)}</SummaryRow>
      <Show when={person().communicationNeeds || person().accessibleFormat}>
        <SummaryRow key="Communication needs">
          {[person().communicationNeeds, optionalLabel(accessibleFormatLabels, person().accessibleFormat, "")]
            .filter(Boolean)
            .join("; ")}
        </SummaryRow>
      </Show>
      <SummaryRow key="Risks">
        <RiskFlagTags flags={props.referral.riskFlags} none="None recorded" inline />
      </SummaryRow>
      <SummaryRow key="Needs">{props.referral.needs.map((need) => needLabels[need]).join(", ")}</SummaryRow>
      <SummaryRow key="First contact">
        {props.referral.firstContactAt ? formatDateTime(props.referral.firstContactAt) : "Not made yet"}
        <Show when={props.case.failedAttempts > 0}>
          {" "}
          <Tag colour="orange">
            {props.case.failedAttempts === 1
              ? "1 failed attempt"
              : `${props.case.failedAttempts} failed attempts`}
          </Tag>
        </Show>
      </SummaryRow>
      {/* A closed case has no review ahead of it. */}
      <Show when={props.referral.status !== "closed"}>
        <SummaryRow key="Next review">
          <Show when={props.case.plan.reviewOn} fallback="Not set: save a plan with a review date">
            {(reviewOn) => formatCalendarDate(reviewOn())}
          </Show>
        </SummaryRow>
      </Show>
      <SummaryRow key="Referral">
        <a href={`/referrals/${props.referral.id}`}>
          View referral {props.referral.reference}
          <span class="nhsuk-u-visually-hidden"> for {personName(props.referral)}</span>
        </a>
      </SummaryRow>
    </SummaryList>
  );
}
