import { Radios } from "../../ui/radios";
import { Select } from "../../ui/select";
import { Textarea } from "../../ui/textarea";
import type { ReferralForm } from "./create-referral-form";
import { fieldId } from "./fields";
import type { YesNo } from "./form-values";
import { accessibleFormatOptions, languageOptions, yesNoOptions } from "./options";

export function CommunicationSection(props: { form: ReferralForm }) {
  const { form } = props;
  return (
    <>
      <h2 class="nhsuk-heading-m">Communication and access needs</h2>
      <Select
        id={fieldId("person.preferredLanguage")}
        label="Preferred language (optional)"
        error={form.message("person.preferredLanguage")}
        value={form.values.preferredLanguage}
        onChange={(value) => form.set("preferredLanguage", value)}
        options={languageOptions}
        emptyLabel="Not recorded"
      />
      <Radios
        id={fieldId("person.interpreterNeeded")}
        legend="Does the person need an interpreter? (optional)"
        legendSize="s"
        error={form.message("person.interpreterNeeded")}
        value={form.values.interpreterNeeded}
        onChange={(value) => form.set("interpreterNeeded", value as YesNo)}
        options={yesNoOptions}
        inline
      />
      <Radios
        id={fieldId("person.sameSexWorkerRequested")}
        legend="Has the person asked for a link worker of the same sex? (optional)"
        legendSize="s"
        error={form.message("person.sameSexWorkerRequested")}
        value={form.values.sameSexWorkerRequested}
        onChange={(value) => form.set("sameSexWorkerRequested", value as YesNo)}
        options={yesNoOptions}
        inline
      />
      <Select
        id={fieldId("person.accessibleFormat")}
        label="Information in an accessible format (optional)"
        hint="Accessible Information Standard"
        error={form.message("person.accessibleFormat")}
        value={form.values.accessibleFormat}
        onChange={(value) => form.set("accessibleFormat", value)}
        options={accessibleFormatOptions}
        emptyLabel="None needed"
      />
      <Textarea
        id={fieldId("person.communicationNeeds")}
        label="Other communication needs (optional)"
        hint="For example, hearing loss, a learning disability, or needing someone with them"
        error={form.message("person.communicationNeeds")}
        value={form.values.communicationNeeds}
        onInput={(value) => form.set("communicationNeeds", value)}
        rows={3}
      />
    </>
  );
}
