import { Radios } from "../../ui/radios";
import { TextInput } from "../../ui/text-input";
import { contactMethodOptions } from "../referral-form/options";
import type { PersonRecordForm } from "./create-person-record-form";
import { recordFieldId } from "./person-record-fields";

export function ContactFields(props: { form: PersonRecordForm }) {
  const { form } = props;
  return (
    <>
      <h2 class="nhsuk-heading-m">Address and contact details</h2>
      <TextInput
        id={recordFieldId("addressLine1")}
        label="Address line 1 (optional)"
        error={form.message("addressLine1")}
        value={form.values.addressLine1}
        onInput={(value) => form.set("addressLine1", value)}
        autocomplete="off"
      />
      <TextInput
        id={recordFieldId("addressLine2")}
        label="Address line 2 (optional)"
        error={form.message("addressLine2")}
        value={form.values.addressLine2}
        onInput={(value) => form.set("addressLine2", value)}
        autocomplete="off"
      />
      <TextInput
        id={recordFieldId("town")}
        label="Town or city (optional)"
        error={form.message("town")}
        value={form.values.town}
        onInput={(value) => form.set("town", value)}
        width={20}
        autocomplete="off"
      />
      <TextInput
        id={recordFieldId("postcode")}
        label="Postcode"
        hint="Used to find support near where the person lives"
        error={form.message("postcode")}
        value={form.values.postcode}
        onInput={(value) => form.set("postcode", value)}
        width={10}
        autocomplete="off"
      />
      <TextInput
        id={recordFieldId("phone")}
        label="Phone number (optional)"
        hint="For international numbers include the country code"
        error={form.message("phone")}
        value={form.values.phone}
        onInput={(value) => form.set("phone", value)}
        type="tel"
        width={20}
        autocomplete="off"
      />
      <TextInput
        id={recordFieldId("email")}
        label="Email address (optional)"
        error={form.message("email")}
        value={form.values.email}
        onInput={(value) => form.set("email", value)}
        type="email"
        spellcheck={false}
        autocomplete="off"
      />
      <Radios
        id={recordFieldId("preferredContactMethod")}
        legend="How would the person like to be contacted? (optional)"
        legendSize="s"
        error={form.message("preferredContactMethod")}
        value={form.values.preferredContactMethod}
        onChange={(value) => form.set("preferredContactMethod", value)}
        options={contactMethodOptions}
        small
      />
    </>
  );
}
