import { isValidNhsNumber, normaliseNhsNumber } from "../../person/domain/nhs-number";
import { nameWordsOf } from "./name-words";

/** How a search finds people: each is tried when the query could mean it. */
export const searchWays = ["nhs_number", "reference", "name"] as const;
export type SearchWay = (typeof searchWays)[number];

/** What a query asks for, once read: at least one of the three. */
export interface SearchTerms {
  nhsNumber?: string;
  /** A referral reference as `createReference` writes it, LW-XXXX-XXXX. */
  reference?: string;
  /** Each word of a name, normalised: every one must begin a word of the person's name. */
  nameWords: string[];
}

export const minimumQueryLength = 2;
export const maximumQueryLength = 100;

/**
 * A single character of a script that writes a syllable or a word with each (a Chinese family
 * name such as 李 is one character), so it is as specific as two letters.
 */
const wholeWordCharacter = /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]$/u;

const referralAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** Crockford base 32 reads the letters people type for its digits as those digits. */
const misreadings: Record<string, string> = { O: "0", I: "1", L: "1" };
/** LW-7K3M-Q9P2, with or without the prefix, separators, or the right case. */
const referencePattern = /^(?:LW)?[\s-]*([0-9A-Z]{4})[\s-]*([0-9A-Z]{4})$/i;

export type QueryReading = { ok: true; terms: SearchTerms } | { ok: false; problem: string };

/**
 * Reads what a member of staff typed: a whole NHS number (spaces or hyphens allowed), a referral
 * reference, or a name. Digits alone are an NHS number or a reference, never a name, so a
 * mistyped NHS number is told so rather than searched as a name. Eight letters alone could be a
 * reference typed without its prefix or a name, so both are tried.
 */
export function readSearchQuery(raw: string): QueryReading {
  const text = raw.trim();
  const length = Array.from(text).length;
  if (length < minimumQueryLength && !wholeWordCharacter.test(text)) {
    return {
      ok: false,
      problem: `Type at least ${minimumQueryLength} characters of a name, an NHS number or a reference`,
    };
  }
  if (length > maximumQueryLength) {
    return { ok: false, problem: `Search for at most ${maximumQueryLength} characters` };
  }
  if (/^[\d\s-]+$/.test(text)) {
    const digits = normaliseNhsNumber(text);
    if (digits.length === 10) {
      return isValidNhsNumber(digits)
        ? { ok: true, terms: { nhsNumber: digits, nameWords: [] } }
        : { ok: false, problem: "That is not a valid NHS number: check each of its 10 digits" };
    }
    const reference = referenceIn(text);
    if (reference) return { ok: true, terms: { reference, nameWords: [] } };
    return {
      ok: false,
      problem: "Search for a whole NHS number (10 digits), a reference like LW-7K3M-Q9P2, or a name",
    };
  }
  const reference = referenceIn(text);
  const nameWords = nameWordsOf(text);
  if (reference) {
    const couldBeName = /^[\p{L}]+$/u.test(text);
    return { ok: true, terms: { reference, nameWords: couldBeName ? nameWords : [] } };
  }
  if (nameWords.length === 0) {
    return {
      ok: false,
      problem: "Search for a name, an NHS number or a reference: it has no letters or digits",
    };
  }
  return { ok: true, terms: { nameWords } };
}

/** The reference the text names, in its stored form, or undefined. */
function referenceIn(text: string): string | undefined {
  const match = referencePattern.exec(text);
  if (!match) return undefined;
  const [, first = "", second = ""] = match;
  const characters = `${first}${second}`
    .toUpperCase()
    .replace(/[OIL]/g, (letter) => misreadings[letter] ?? letter);
  if (![...characters].every((character) => referralAlphabet.includes(character))) return undefined;
  return `LW-${characters.slice(0, 4)}-${characters.slice(4)}`;
}

/** Which ways these terms search by, for the answer and the audit trail. */
export function waysOf(terms: SearchTerms): SearchWay[] {
  return searchWays.filter((way) =>
    way === "nhs_number"
      ? terms.nhsNumber !== undefined
      : way === "reference"
        ? terms.reference !== undefined
        : terms.nameWords.length > 0,
  );
}
