import { Radios } from "../../ui/radios";
import { TextInput } from "../../ui/text-input";
import { contactMethodOptions } from "./options";
import type { PersonDetailsFields } from "./person-details";

/** The address and contact questions, asked the same way on the referral form and the record page. */
export function ContactSection(props: { fields: PersonDetailsFields }) {
  const { fields } = props;
  return (
    <>
      <h2 class="nhsuk-heading-m">Address and contact details</h2>
      <TextInput
        id={fields.id("addressLine1")}
        label="Address line 1 (optional)"
        error={fields.message("addressLine1")}
        value={fields.values.addressLine1}
        onInput={(value) => fields.set("addressLine1", value)}
        autocomplete="off"
      />
      <TextInput
        id={fields.id("addressLine2")}
        label="Address line 2 (optional)"
        error={fields.message("addressLine2")}
        value={fields.values.addressLine2}
        onInput={(value) => fields.set("addressLine2", value)}
        autocomplete="off"
      />
      <TextInput
        id={fields.id("town")}
        label="Town or city (optional)"
        error={fields.message("town")}
        value={fields.values.town}
        onInput={(value) => fields.set("town", value)}
        width={20}
        autocomplete="off"
      />
      <TextInput
        id={fields.id("postcode")}
        label="Postcode"
        hint="Used to find support near where the person lives"
        error={fields.message("postcode")}
        value={fields.values.postcode}
        onInput={(value) => fields.set("postcode", value)}
        width={10}
        autocomplete="off"
      />
      <TextInput
        id={fields.id("phone")}
        label="Phone number (optional)"
        hint="For international numbers include the country code"
        error={fields.message("phone")}
        value={fields.values.phone}
        onInput={(value) => fields.set("phone", value)}
        type="tel"
        width={20}
        autocomplete="off"
      />
      <TextInput
        id={fields.id("email")}
        label="Email address (optional)"
        error={fields.message("email")}
        value={fields.values.email}
        onInput={(value) => fields.set("email", value)}
        type="email"
        spellcheck={false}
        autocomplete="off"
      />
      <Radios
        id={fields.id("preferredContactMethod")}
        legend="How would the person like to be contacted? (optional)"
        legendSize="s"
        error={fields.message("preferredContactMethod")}
        value={fields.values.preferredContactMethod}
        onChange={(value) => fields.set("preferredContactMethod", value)}
        options={contactMethodOptions}
        small
      />
    </>
  );
}
