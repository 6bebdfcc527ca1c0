/** Languages most often asked for in English social prescribing services, by ISO 639 code. */
export const languageNames: Record<string, string> = {
  en: "English",
  ar: "Arabic",
  bn: "Bengali",
  cy: "Welsh",
  es: "Spanish",
  fa: "Persian (Farsi)",
  fr: "French",
  gu: "Gujarati",
  hi: "Hindi",
  it: "Italian",
  ku: "Kurdish",
  lt: "Lithuanian",
  pa: "Punjabi",
  pl: "Polish",
  ps: "Pashto",
  pt: "Portuguese",
  ro: "Romanian",
  ru: "Russian",
  sgn: "British Sign Language",
  so: "Somali",
  ta: "Tamil",
  ti: "Tigrinya",
  tr: "Turkish",
  uk: "Ukrainian",
  ur: "Urdu",
  yo: "Yoruba",
  zh: "Chinese",
};

export function languageName(code: string): string {
  return languageNames[code] ?? code;
}
