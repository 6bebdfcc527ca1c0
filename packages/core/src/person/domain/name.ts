/** Anything that is not a letter, combining mark or digit of some script: spaces, punctuation, symbols. */
const separators = /[^\p{L}\p{M}\p{N}]/gu;

/** Combining marks on Latin, Greek and Cyrillic letters: the accents that people and systems drop. */
const accents = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu;

/** Latin letters that carry their accent inside the letter, so decomposition alone cannot strip it. */
const wholeLetters: Record<string, string> = {
  ø: "o",
  đ: "d",
  ð: "d",
  ł: "l",
  ħ: "h",
  ı: "i",
  ŧ: "t",
  æ: "ae",
  œ: "oe",
  þ: "th",
};
const wholeLetterPattern = new RegExp(`[${Object.keys(wholeLetters).join("")}]`, "gu");

/**
 * Full case folding as far as JavaScript offers it: upper-casing applies the multi-character
 * mappings (ß to SS, ﬁ to FI) and lower-casing brings back one form. Lower-casing writes a word's
 * last sigma as ς, which case folding does not distinguish from σ.
 */
function foldCase(value: string): string {
  return value.toUpperCase().toLowerCase().replace(/ς/gu, "σ");
}

function normaliseOnce(value: string): string {
  return foldCase(value.normalize("NFKC")).normalize("NFKC").replace(separators, "").normalize("NFKC");
}

/**
 * A name as matching compares it: NFKC, case folded, letters, marks and digits of every script
 * kept, spaces and punctuation dropped ("O'Brien" and "obrien" agree; 李 and 王 do not). Applied
 * until it settles, so normalising twice changes nothing.
 */
export function normaliseName(value: string): string {
  let current = value;
  for (let round = 0; round < 4; round++) {
    const next = normaliseOnce(current);
    if (next === current) return next;
    current = next;
  }
  return current;
}

/**
 * The name with the accents of Latin, Greek and Cyrillic letters removed ("Müller" and "Muller",
 * "Zoë" and "Zoe"). A weak signal only: it also joins names that differ, so it never decides alone.
 * Marks of other scripts are part of the letter (Devanagari vowel signs) and stay.
 */
export function transliterateName(value: string): string {
  const stripped = normaliseName(value)
    .normalize("NFKD")
    .replace(accents, "$1")
    .replace(wholeLetterPattern, (letter) => wholeLetters[letter] ?? letter);
  return normaliseName(stripped);
}

export type NameAgreement = "same" | "transliterated" | "different";

/** How closely two names agree: exactly once normalised, only without accents, or not at all. */
export function compareNames(left: string, right: string): NameAgreement {
  const a = normaliseName(left);
  const b = normaliseName(right);
  // A name made only of punctuation normalises to nothing: then only the same text agrees.
  if (a === "" || b === "") return left.trim() === right.trim() ? "same" : "different";
  if (a === b) return "same";
  return transliterateName(left) === transliterateName(right) ? "transliterated" : "different";
}
