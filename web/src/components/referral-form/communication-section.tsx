import { Radios } from "../../ui/radios";
import { Select, type SelectOption } from "../../ui/select";
import { Textarea } from "../../ui/textarea";
import { accessibleFormatOptions, languageOptions, yesNoOptions } from "./options";
import { type PersonDetailsFields, yesNo } from "./person-details";

/** The communication and access questions; `languages` defaults to the languages offered. */
export function CommunicationSection(props: {
  fields: PersonDetailsFields;
  languages?: readonly SelectOption[];
}) {
  const { fields } = props;
  return (
    <>
      <h2 class="nhsuk-heading-m">Communication and access needs</h2>
      <Select
        id={fields.id("preferredLanguage")}
        label="Preferred language (optional)"
        error={fields.message("preferredLanguage")}
        value={fields.values.preferredLanguage}
        onChange={(value) => fields.set("preferredLanguage", value)}
        options={props.languages ?? languageOptions}
        emptyLabel="Not recorded"
      />
      <Radios
        id={fields.id("interpreterNeeded")}
        legend="Does the person need an interpreter? (optional)"
        legendSize="s"
        error={fields.message("interpreterNeeded")}
        value={fields.values.interpreterNeeded}
        onChange={(value) => fields.set("interpreterNeeded", yesNo(value))}
        options={yesNoOptions}
        inline
      />
      <Radios
        id={fields.id("sameSexWorkerRequested")}
        legend="Has the person asked for a link worker of the same sex? (optional)"
        legendSize="s"
        error={fields.message("sameSexWorkerRequested")}
        value={fields.values.sameSexWorkerRequested}
        onChange={(value) => fields.set("sameSexWorkerRequested", yesNo(value))}
        options={yesNoOptions}
        inline
      />
      <Select
        id={fields.id("accessibleFormat")}
        label="Information in an accessible format (optional)"
        hint="Accessible Information Standard"
        error={fields.message("accessibleFormat")}
        value={fields.values.accessibleFormat}
        onChange={(value) => fields.set("accessibleFormat", value)}
        options={accessibleFormatOptions}
        emptyLabel="None needed"
      />
      <Textarea
        id={fields.id("communicationNeeds")}
        label="Other communication needs (optional)"
        hint="For example, hearing loss, a learning disability, or needing someone with them"
        error={fields.message("communicationNeeds")}
        value={fields.values.communicationNeeds}
        onInput={(value) => fields.set("communicationNeeds", value)}
        rows={3}
      />
    </>
  );
}
