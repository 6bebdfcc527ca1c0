import { languageLabel } from "../../labels/person-labels";
import { CommunicationSection } from "../referral-form/communication-section";
import { languageOptions } from "../referral-form/options";
import type { PersonRecordForm } from "./create-person-record-form";

/** The languages offered, with the one recorded even when the list does not name it, so it is not lost. */
function languageChoices(recorded: string) {
  if (!recorded || languageOptions.some((option) => option.value === recorded)) return languageOptions;
  return [...languageOptions, { value: recorded, label: languageLabel(recorded) }];
}

export function CommunicationFields(props: { form: PersonRecordForm }) {
  return (
    <CommunicationSection
      fields={props.form.details}
      languages={languageChoices(props.form.base().details.preferredLanguage ?? "")}
    />
  );
}
