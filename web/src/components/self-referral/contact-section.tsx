import { useQuery } from "@tanstack/solid-query";
import { practicesQuery } from "../../queries/practices";
import { Radios } from "../../ui/radios";
import { Select } from "../../ui/select";
import { TextInput } from "../../ui/text-input";
import { languageOptions } from "../referral-form/options";
import { consentOptions, contactOptions, selfFieldId } from "./self-referral-fields";
import type { SelfReferralFormState } from "./self-referral-values";

export function ContactSection(props: { form: SelfReferralFormState }) {
  const { form } = props;
  const practices = useQuery(() => practicesQuery());
  return (
    <>
      <h2 class="nhsuk-heading-m">How we can contact you</h2>
      <p class="nhsuk-body">Give us a phone number or an email address, or both.</p>
      <TextInput
        id={selfFieldId("person.phone")}
        label="Phone number"
        error={form.message("person.phone")}
        value={form.values.phone}
        onInput={(value) => form.set("phone", value)}
        type="tel"
        width={20}
        autocomplete="tel"
      />
      <TextInput
        id={selfFieldId("person.email")}
        label="Email address"
        error={form.message("person.email")}
        value={form.values.email}
        onInput={(value) => form.set("email", value)}
        type="email"
        autocomplete="email"
        spellcheck={false}
      />
      <Radios
        id={selfFieldId("person.preferredContactMethod")}
        legend="How would you like us to contact you? (optional)"
        legendSize="s"
        error={form.message("person.preferredContactMethod")}
        value={form.values.preferredContactMethod}
        onChange={(value) => form.set("preferredContactMethod", value)}
        options={contactOptions}
        small
      />
      <Select
        id={selfFieldId("person.preferredLanguage")}
        label="Would you like to talk in a language other than English? (optional)"
        error={form.message("person.preferredLanguage")}
        value={form.values.preferredLanguage}
        onChange={(value) => form.set("preferredLanguage", value)}
        options={languageOptions}
        emptyLabel="English is fine"
      />
      <h2 class="nhsuk-heading-m">Your GP surgery</h2>
      <Select
        id={selfFieldId("practiceOds")}
        label="Which GP surgery are you registered with? (optional)"
        hint="If yours is not in the list, or you are not sure, leave this as it is."
        error={form.message("practiceOds")}
        value={form.values.practiceOds}
        onChange={(value) => form.set("practiceOds", value)}
        options={practices.data ?? []}
        emptyLabel="I do not know, or it is not listed"
      />
      <h2 class="nhsuk-heading-m">Sharing your details</h2>
      <Radios
        id={selfFieldId("consent.shareWithProviders")}
        legend="Can we share your details with the people who will help you?"
        legendSize="s"
        hint="This is the team that finds the right help for you, and the group or service that helps you. We do not share them with anyone else."
        error={form.message("consent.shareWithProviders")}
        value={form.values.consent}
        onChange={(value) => form.set("consent", value as "yes" | "no")}
        options={consentOptions}
      />
    </>
  );
}
