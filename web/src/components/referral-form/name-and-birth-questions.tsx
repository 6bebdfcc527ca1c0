import { DateInput } from "../../ui/date-input";
import { Radios } from "../../ui/radios";
import { Select } from "../../ui/select";
import { TextInput } from "../../ui/text-input";
import { ethnicityOptions, genderOptions } from "./options";
import type { PersonDetailsFields } from "./person-details";

/** Name, date of birth, gender and ethnicity, asked the same way on the referral form and the record page. */
export function NameAndBirthQuestions(props: { fields: PersonDetailsFields }) {
  const { fields } = props;
  return (
    <>
      <TextInput
        id={fields.id("givenName")}
        label="Given name"
        error={fields.message("givenName")}
        value={fields.values.givenName}
        onInput={(value) => fields.set("givenName", value)}
        width={20}
        spellcheck={false}
        autocomplete="off"
      />
      <TextInput
        id={fields.id("familyName")}
        label="Family name"
        error={fields.message("familyName")}
        value={fields.values.familyName}
        onInput={(value) => fields.set("familyName", value)}
        width={20}
        spellcheck={false}
        autocomplete="off"
      />
      <DateInput
        id={fields.id("dateOfBirth")}
        legend="Date of birth"
        legendSize="s"
        hint="For example, 31 3 1950"
        error={fields.message("dateOfBirth")}
        errorParts={fields.dateOfBirthParts()}
        value={fields.values.dateOfBirth}
        onChange={(value) => fields.set("dateOfBirth", value)}
      />
      <Radios
        id={fields.id("gender")}
        legend="Gender (optional)"
        legendSize="s"
        error={fields.message("gender")}
        value={fields.values.gender}
        onChange={(value) => fields.set("gender", value)}
        options={genderOptions}
        small
      />
      <Select
        id={fields.id("ethnicity")}
        label="Ethnicity (optional)"
        hint="As the person describes it"
        error={fields.message("ethnicity")}
        value={fields.values.ethnicity}
        onChange={(value) => fields.set("ethnicity", value)}
        options={ethnicityOptions}
        emptyLabel="Not recorded"
      />
    </>
  );
}
