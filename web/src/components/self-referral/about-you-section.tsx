import { DateInput } from "../../ui/date-input";
import { TextInput } from "../../ui/text-input";
import { selfFieldId } from "./self-referral-fields";
import type { SelfReferralFormState } from "./self-referral-values";

export function AboutYouSection(props: { form: SelfReferralFormState }) {
  const { form } = props;
  return (
    <>
      <h2 class="nhsuk-heading-m">About you</h2>
      <TextInput
        id={selfFieldId("person.givenName")}
        label="First name"
        error={form.message("person.givenName")}
        value={form.values.givenName}
        onInput={(value) => form.set("givenName", value)}
        width={20}
        autocomplete="given-name"
        spellcheck={false}
      />
      <TextInput
        id={selfFieldId("person.familyName")}
        label="Last name"
        error={form.message("person.familyName")}
        value={form.values.familyName}
        onInput={(value) => form.set("familyName", value)}
        width={20}
        autocomplete="family-name"
        spellcheck={false}
      />
      <DateInput
        id={selfFieldId("person.dateOfBirth")}
        legend="Date of birth"
        legendSize="s"
        hint="For example, 31 3 1980"
        error={form.message("person.dateOfBirth")}
        errorParts={form.errorFor("person.dateOfBirth")?.dateParts ?? []}
        value={form.values.dateOfBirth}
        onChange={(value) => form.set("dateOfBirth", value)}
        autocompletePrefix="bday"
      />
      <TextInput
        id={selfFieldId("person.postcode")}
        label="Postcode"
        hint="So we can find help near you"
        error={form.message("person.postcode")}
        value={form.values.postcode}
        onInput={(value) => form.set("postcode", value)}
        width={10}
        autocomplete="postal-code"
      />
      <TextInput
        id={selfFieldId("person.nhsNumber")}
        label="NHS number (optional)"
        hint="It is 10 numbers, like 999 123 4567. You can find it in the NHS App or on a letter from your GP. You do not need it to ask for help."
        error={form.message("person.nhsNumber")}
        value={form.values.nhsNumber}
        onInput={(value) => form.set("nhsNumber", value)}
        width={10}
        inputmode="numeric"
        autocomplete="off"
        spellcheck={false}
      />
    </>
  );
}
