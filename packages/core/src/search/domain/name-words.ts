import { normaliseName, transliterateName } from "../../person/domain/name";

/** Where a name breaks into words: spaces and dashes ("Mary-Jane", "Van der Berg"). */
const wordBreaks = /[\s\p{Pd}]+/u;

/** The words of a name as matching compares them (NFKC, case folded, punctuation dropped). */
export function nameWordsOf(name: string): string[] {
  return name
    .split(wordBreaks)
    .map(normaliseName)
    .filter((word) => word !== "");
}

export interface NamedPerson {
  givenName: string;
  familyName: string;
}

/** A word as a search compares it: normalised, and without accents. */
export interface FoldedWord {
  exact: string;
  plain: string;
}

const printableAscii = /^[\x20-\x7e]*$/;

/**
 * Normalising is costly and a search folds thousands of names, most of them plain ASCII, for
 * which it comes down to lower case without punctuation (NFKC and accents change nothing there).
 */
export function foldWord(word: string): FoldedWord {
  if (printableAscii.test(word)) {
    const exact = word.toLowerCase().replace(/[^a-z0-9]/g, "");
    return { exact, plain: exact };
  }
  return { exact: normaliseName(word), plain: transliterateName(word) };
}

function foldedWordsOf(name: string): FoldedWord[] {
  return name
    .split(wordBreaks)
    .map(foldWord)
    .filter((word) => word.exact !== "");
}

const joined = (words: readonly FoldedWord[]): FoldedWord => ({
  exact: words.map((word) => word.exact).join(""),
  plain: words.map((word) => word.plain).join(""),
});

/**
 * Every form a query word may begin: each word of the given and family names, each name whole
 * ("maryjane", "vanderberg"), and both names run together either way, since Chinese, Japanese and
 * Korean names are often typed family name first with no space ("李小龙").
 */
function searchableForms(person: NamedPerson): FoldedWord[] {
  const given = foldedWordsOf(person.givenName);
  const family = foldedWordsOf(person.familyName);
  return [
    ...given,
    ...family,
    joined(given),
    joined(family),
    joined([...given, ...family]),
    joined([...family, ...given]),
  ].filter((form) => form.exact !== "");
}

/** What was typed, folded once for all the names it is compared with. */
export function nameQueryOf(queryWords: readonly string[]): FoldedWord[] {
  return queryWords.map(foldWord);
}

/**
 * Whether every query word begins some word of the person's name, exactly once normalised or
 * with the accents of Latin, Greek and Cyrillic letters dropped on both sides ("Zoe" finds Zoë,
 * "ZOË" finds Zoe): a search should find the person however the name was typed.
 */
export function nameMatches(query: readonly string[] | readonly FoldedWord[], person: NamedPerson): boolean {
  if (query.length === 0) return false;
  const words = query.map((word) => (typeof word === "string" ? foldWord(word) : word));
  const forms = searchableForms(person);
  return words.every((word) =>
    forms.some(
      (form) => form.exact.startsWith(word.exact) || (word.plain !== "" && form.plain.startsWith(word.plain)),
    ),
  );
}
