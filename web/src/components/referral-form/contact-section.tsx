import { Radios } from "../../ui/radios";
import { TextInput } from "../../ui/text-input";
import type { ReferralForm } from "./create-referral-form";
import { fieldId } from "./fields";
import { contactMethodOptions } from "./options";

export function ContactSection(props: { form: ReferralForm }) {
  const { form } = props;
  return (
    <>
      <h2 class="nhsuk-heading-m">Address and contact details</h2>
      <TextInput
        id={fieldId("person.addressLine1")}
        label="Address line 1 (optional)"
        error={form.message("person.addressLine1")}
        value={form.values.addressLine1}
        onInput={(value) => form.set("addressLine1", value)}
        autocomplete="off"
      />
      <TextInput
        id={fieldId("person.addressLine2")}
        label="Address line 2 (optional)"
        error={form.message("person.addressLine2")}
        value={form.values.addressLine2}
        onInput={(value) => form.set("addressLine2", value)}
        autocomplete="off"
      />
      <TextInput
        id={fieldId("person.town")}
        label="Town or city (optional)"
        error={form.message("person.town")}
        value={form.values.town}
        onInput={(value) => form.set("town", value)}
        width={20}
        autocomplete="off"
      />
      <TextInput
        id={fieldId("person.postcode")}
        label="Postcode"
        hint="Used to find support near where the person lives"
        error={form.message("person.postcode")}
        value={form.values.postcode}
        onInput={(value) => form.set("postcode", value)}
        width={10}
        autocomplete="off"
      />
      <TextInput
        id={fieldId("person.phone")}
        label="Phone number (optional)"
        hint="For international numbers include the country code"
        error={form.message("person.phone")}
        value={form.values.phone}
        onInput={(value) => form.set("phone", value)}
        type="tel"
        width={20}
        autocomplete="off"
      />
      <TextInput
        id={fieldId("person.email")}
        label="Email address (optional)"
        error={form.message("person.email")}
        value={form.values.email}
        onInput={(value) => form.set("email", value)}
        type="email"
        spellcheck={false}
        autocomplete="off"
      />
      <Radios
        id={fieldId("person.preferredContactMethod")}
        legend="How would the person like to be contacted? (optional)"
        legendSize="s"
        error={form.message("person.preferredContactMethod")}
        value={form.values.preferredContactMethod}
        onChange={(value) => form.set("preferredContactMethod", value)}
        options={contactMethodOptions}
        small
      />
    </>
  );
}
