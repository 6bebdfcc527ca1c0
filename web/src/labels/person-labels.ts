import type { Gender, PersonDetails } from "@linkwork/core/person/schema";

type AccessibleFormat = NonNullable<PersonDetails["accessibleFormat"]>;
type ContactMethod = NonNullable<PersonDetails["preferredContactMethod"]>;

export const genderLabels: Record<Gender, string> = {
  female: "Female",
  male: "Male",
  non_binary: "Non-binary",
  other: "Other",
  not_known: "Not known",
  not_stated: "Prefers not to say",
};

export const accessibleFormatLabels: Record<AccessibleFormat, string> = {
  easy_read: "Easy read",
  large_print: "Large print",
  braille: "Braille",
  audio: "Audio",
  bsl: "British Sign Language (BSL)",
};

export const contactMethodLabels: Record<ContactMethod, string> = {
  phone: "Phone call",
  text: "Text message",
  email: "Email",
  letter: "Letter",
};

/** Language names are the domain's own, so the form offers exactly what allocation can match. */
export {
  languageName as languageLabel,
  languageNames as languageLabels,
} from "@linkwork/core/person/languages";
