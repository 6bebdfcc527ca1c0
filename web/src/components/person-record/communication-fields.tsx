import { languageLabel } from "../../labels/person-labels";
import { Radios } from "../../ui/radios";
import { Select } from "../../ui/select";
import { Textarea } from "../../ui/textarea";
import { accessibleFormatOptions, languageOptions, yesNoOptions } from "../referral-form/options";
import type { PersonRecordForm } from "./create-person-record-form";
import { recordFieldId } from "./person-record-fields";

/** The languages offered, with the one recorded even when the list does not name it, so it is not lost. */
function languageChoices(recorded: string) {
  if (!recorded || languageOptions.some((option) => option.value === recorded)) return languageOptions;
  return [...languageOptions, { value: recorded, label: languageLabel(recorded) }];
}

export function CommunicationFields(props: { form: PersonRecordForm }) {
  const { form } = props;
  const yesNo = (value: string) => (value === "yes" || value === "no" ? value : "");
  return (
    <>
      <h2 class="nhsuk-heading-m">Communication and access needs</h2>
      <Select
        id={recordFieldId("preferredLanguage")}
        label="Preferred language (optional)"
        error={form.message("preferredLanguage")}
        value={form.values.preferredLanguage}
        onChange={(value) => form.set("preferredLanguage", value)}
        options={languageChoices(form.base().details.preferredLanguage ?? "")}
        emptyLabel="Not recorded"
      />
      <Radios
        id={recordFieldId("interpreterNeeded")}
        legend="Does the person need an interpreter? (optional)"
        legendSize="s"
        error={form.message("interpreterNeeded")}
        value={form.values.interpreterNeeded}
        onChange={(value) => form.set("interpreterNeeded", yesNo(value))}
        options={yesNoOptions}
        inline
      />
      <Radios
        id={recordFieldId("sameSexWorkerRequested")}
        legend="Has the person asked for a link worker of the same sex? (optional)"
        legendSize="s"
        error={form.message("sameSexWorkerRequested")}
        value={form.values.sameSexWorkerRequested}
        onChange={(value) => form.set("sameSexWorkerRequested", yesNo(value))}
        options={yesNoOptions}
        inline
      />
      <Select
        id={recordFieldId("accessibleFormat")}
        label="Information in an accessible format (optional)"
        hint="Accessible Information Standard"
        error={form.message("accessibleFormat")}
        value={form.values.accessibleFormat}
        onChange={(value) => form.set("accessibleFormat", value)}
        options={accessibleFormatOptions}
        emptyLabel="None needed"
      />
      <Textarea
        id={recordFieldId("communicationNeeds")}
        label="Other communication needs (optional)"
        hint="For example, hearing loss, a learning disability, or needing someone with them"
        error={form.message("communicationNeeds")}
        value={form.values.communicationNeeds}
        onInput={(value) => form.set("communicationNeeds", value)}
        rows={3}
      />
    </>
  );
}
