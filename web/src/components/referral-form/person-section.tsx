import { DateInput } from "../../ui/date-input";
import { Radios } from "../../ui/radios";
import { Select } from "../../ui/select";
import { TextInput } from "../../ui/text-input";
import type { ReferralForm } from "./create-referral-form";
import { fieldId } from "./fields";
import { ethnicityOptions, genderOptions } from "./options";

export function PersonSection(props: { form: ReferralForm }) {
  const { form } = props;
  return (
    <>
      <h2 class="nhsuk-heading-m">The person you are referring</h2>
      <TextInput
        id={fieldId("person.nhsNumber")}
        label="NHS number"
        hint={
          <>
            A 10 digit number, like <span class="nhsuk-u-nowrap">999 123 4567</span>. You must give it for a
            GP referral.
          </>
        }
        error={form.message("person.nhsNumber")}
        value={form.values.nhsNumber}
        onInput={(value) => form.set("nhsNumber", value)}
        width={10}
        code
        inputmode="numeric"
        spellcheck={false}
        autocomplete="off"
      />
      <TextInput
        id={fieldId("person.givenName")}
        label="Given name"
        error={form.message("person.givenName")}
        value={form.values.givenName}
        onInput={(value) => form.set("givenName", value)}
        width={20}
        spellcheck={false}
        autocomplete="off"
      />
      <TextInput
        id={fieldId("person.familyName")}
        label="Family name"
        error={form.message("person.familyName")}
        value={form.values.familyName}
        onInput={(value) => form.set("familyName", value)}
        width={20}
        spellcheck={false}
        autocomplete="off"
      />
      <DateInput
        id={fieldId("person.dateOfBirth")}
        legend="Date of birth"
        legendSize="s"
        hint="For example, 31 3 1950"
        error={form.message("person.dateOfBirth")}
        errorParts={form.errorFor("person.dateOfBirth")?.dateParts ?? []}
        value={form.values.dateOfBirth}
        onChange={(value) => form.set("dateOfBirth", value)}
      />
      <Radios
        id={fieldId("person.gender")}
        legend="Gender (optional)"
        legendSize="s"
        error={form.message("person.gender")}
        value={form.values.gender}
        onChange={(value) => form.set("gender", value)}
        options={genderOptions}
        small
      />
      <Select
        id={fieldId("person.ethnicity")}
        label="Ethnicity (optional)"
        hint="As the person describes it"
        error={form.message("person.ethnicity")}
        value={form.values.ethnicity}
        onChange={(value) => form.set("ethnicity", value)}
        options={ethnicityOptions}
        emptyLabel="Not recorded"
      />
    </>
  );
}
