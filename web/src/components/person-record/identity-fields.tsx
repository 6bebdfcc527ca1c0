import { DateInput } from "../../ui/date-input";
import { Radios } from "../../ui/radios";
import { Select } from "../../ui/select";
import { TextInput } from "../../ui/text-input";
import { ethnicityOptions, genderOptions } from "../referral-form/options";
import type { PersonRecordForm } from "./create-person-record-form";
import { recordFieldId } from "./person-record-fields";

export function IdentityFields(props: { form: PersonRecordForm }) {
  const { form } = props;
  return (
    <>
      <h2 class="nhsuk-heading-m">Name and date of birth</h2>
      <TextInput
        id={recordFieldId("givenName")}
        label="Given name"
        error={form.message("givenName")}
        value={form.values.givenName}
        onInput={(value) => form.set("givenName", value)}
        width={20}
        spellcheck={false}
        autocomplete="off"
      />
      <TextInput
        id={recordFieldId("familyName")}
        label="Family name"
        error={form.message("familyName")}
        value={form.values.familyName}
        onInput={(value) => form.set("familyName", value)}
        width={20}
        spellcheck={false}
        autocomplete="off"
      />
      <DateInput
        id={recordFieldId("dateOfBirth")}
        legend="Date of birth"
        legendSize="s"
        hint="For example, 31 3 1950"
        error={form.message("dateOfBirth")}
        errorParts={form.errorFor("dateOfBirth")?.dateParts ?? []}
        value={form.values.dateOfBirth}
        onChange={(value) => form.set("dateOfBirth", value)}
      />
      <Radios
        id={recordFieldId("gender")}
        legend="Gender (optional)"
        legendSize="s"
        error={form.message("gender")}
        value={form.values.gender}
        onChange={(value) => form.set("gender", value)}
        options={genderOptions}
        small
      />
      <Select
        id={recordFieldId("ethnicity")}
        label="Ethnicity (optional)"
        hint="As the person describes it"
        error={form.message("ethnicity")}
        value={form.values.ethnicity}
        onChange={(value) => form.set("ethnicity", value)}
        options={ethnicityOptions}
        emptyLabel="Not recorded"
      />
    </>
  );
}
