import type { PersonDetails } from "@linkwork/core/person/schema";
import { ethnicCategories } from "@linkwork/core/person/schema";
import { Show } from "solid-js";
import { ageInYears, formatCalendarDate } from "../format/dates";
import { formatNhsNumber } from "../format/nhs-number";
import { optionalLabel } from "../labels/optional-label";
import {
  accessibleFormatLabels,
  contactMethodLabels,
  genderLabels,
  languageLabel,
} from "../labels/person-labels";
import { SummaryList, SummaryRow } from "../ui/summary-list";

const yesNo = (value: boolean | undefined) => (value === undefined ? "Not recorded" : value ? "Yes" : "No");

/** The person's details as recorded on the referral; optional details show as "Not recorded". */
export function ReferralPerson(props: { person: PersonDetails }) {
  const person = () => props.person;
  const address = () =>
    [person().addressLine1, person().addressLine2, person().town, person().postcode].filter(
      Boolean,
    ) as string[];
  return (
    <SummaryList>
      <SummaryRow key="NHS number">
        <Show when={person().nhsNumber} fallback="Not given">
          {(nhsNumber) => <span class="linkwork-nowrap">{formatNhsNumber(nhsNumber())}</span>}
        </Show>
      </SummaryRow>
      <SummaryRow key="Name">
        {person().givenName} {person().familyName}
      </SummaryRow>
      <SummaryRow key="Date of birth">
        {formatCalendarDate(person().dateOfBirth)} (age {ageInYears(person().dateOfBirth)})
      </SummaryRow>
      <SummaryRow key="Address">
        {address().map((line, index) => (
          <>
            {index > 0 ? <br /> : null}
            {line}
          </>
        ))}
      </SummaryRow>
      <SummaryRow key="Gender">{optionalLabel(genderLabels, person().gender, "Not recorded")}</SummaryRow>
      <SummaryRow key="Ethnicity">
        {optionalLabel(ethnicCategories, person().ethnicity, "Not recorded")}
      </SummaryRow>
      <SummaryRow key="Phone">{person().phone ?? "Not recorded"}</SummaryRow>
      <SummaryRow key="Email">{person().email ?? "Not recorded"}</SummaryRow>
      <SummaryRow key="Preferred contact">
        {optionalLabel(contactMethodLabels, person().preferredContactMethod, "Not recorded")}
      </SummaryRow>
      <SummaryRow key="Preferred language">
        {optionalLabel(languageLabel, person().preferredLanguage, "Not recorded")}
      </SummaryRow>
      <SummaryRow key="Interpreter needed">{yesNo(person().interpreterNeeded)}</SummaryRow>
      <SummaryRow key="Same-sex link worker requested">{yesNo(person().sameSexWorkerRequested)}</SummaryRow>
      <SummaryRow key="Accessible format">
        {optionalLabel(accessibleFormatLabels, person().accessibleFormat, "None recorded")}
      </SummaryRow>
      <SummaryRow key="Other communication needs">
        {person().communicationNeeds ?? "None recorded"}
      </SummaryRow>
    </SummaryList>
  );
}
