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

/** Languages most often needed in England, by ISO 639 code (what the API stores). */
export const languageLabels: Record<string, string> = {
  en: "English",
  ar: "Arabic",
  bn: "Bengali",
  bfi: "British Sign Language",
  yue: "Cantonese",
  fa: "Farsi (Persian)",
  fr: "French",
  gu: "Gujarati",
  hi: "Hindi",
  it: "Italian",
  ku: "Kurdish",
  lt: "Lithuanian",
  zh: "Mandarin Chinese",
  ps: "Pashto",
  pl: "Polish",
  pt: "Portuguese",
  pa: "Punjabi",
  ro: "Romanian",
  ru: "Russian",
  so: "Somali",
  es: "Spanish",
  ta: "Tamil",
  ti: "Tigrinya",
  tr: "Turkish",
  uk: "Ukrainian",
  ur: "Urdu",
  cy: "Welsh",
};

export function languageLabel(code: string): string {
  return languageLabels[code] ?? code;
}
