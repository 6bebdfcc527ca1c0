import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseName, transliterateName } from "../src/person/domain/name";
import { foldWord, nameMatches, nameWordsOf } from "../src/search/domain/name-words";
import { matchesSearch, rankResults, type SearchableReferral } from "../src/search/domain/ranking";

const person = (givenName: string, familyName: string) => ({ givenName, familyName });
const words = (query: string) => nameWordsOf(query);

describe("matching a name", () => {
  it("finds a person when every word typed begins a word of their name, in any order", () => {
    const ada = person("Ada", "Okafor");
    expect(nameMatches(words("ada"), ada)).toBe(true);
    expect(nameMatches(words("oka"), ada)).toBe(true);
    expect(nameMatches(words("Oka ad"), ada)).toBe(true);
    expect(nameMatches(words("ada smith"), ada)).toBe(false);
    expect(nameMatches(words("kafor"), ada)).toBe(false);
  });

  it("folds case and accents either way: Zoë, ZOË and Zoe find each other", () => {
    for (const stored of ["Zoë", "Zoe\u0308", "ZOË", "Zoe"]) {
      for (const typed of ["zoë", "ZOË", "Zoe", "zo"]) {
        expect(nameMatches(words(typed), person(stored, "Adams"))).toBe(true);
      }
    }
  });

  it("finds names of any script, and keeps different names of one script apart", () => {
    expect(nameMatches(words("Иван"), person("Пётр", "Иванов"))).toBe(true);
    expect(nameMatches(words("иванов пётр"), person("Пётр", "Иванов"))).toBe(true);
    expect(nameMatches(words("Петров"), person("Пётр", "Иванов"))).toBe(false);
    expect(nameMatches(words("李"), person("小龙", "李"))).toBe(true);
    expect(nameMatches(words("李小龙"), person("小龙", "李"))).toBe(true);
    expect(nameMatches(words("王"), person("小龙", "李"))).toBe(false);
  });

  it("matches hyphenated, spaced and apostrophised names by their parts or whole", () => {
    const mary = person("Mary-Jane", "Van der Berg");
    for (const typed of ["jane", "mary jane", "maryjane", "berg", "vanderberg", "der"]) {
      expect(nameMatches(words(typed), mary)).toBe(true);
    }
    expect(nameMatches(words("obri"), person("Siobhán", "O'Brien"))).toBe(true);
    expect(nameMatches(words("siobhan"), person("Siobhán", "O'Brien"))).toBe(true);
  });

  it("always finds a person by the beginning of any word of their name", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20, unit: "grapheme" }),
        fc.string({ minLength: 1, maxLength: 20, unit: "grapheme" }),
        fc.nat(),
        (given, family, cut) => {
          const nameWords = nameWordsOf(`${given} ${family}`);
          fc.pre(nameWords.length > 0);
          const word = nameWords[cut % nameWords.length] as string;
          const prefix = Array.from(word)
            .slice(0, 1 + (cut % Array.from(word).length))
            .join("");
          expect(nameMatches(nameWordsOf(prefix), person(given, family))).toBe(true);
        },
      ),
    );
  });

  it("folds plain ASCII the quick way exactly as person matching normalises it", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)) }),
        (word) => {
          expect(foldWord(word)).toEqual({ exact: normaliseName(word), plain: transliterateName(word) });
        },
      ),
    );
  });

  it("finds nobody for no words", () => {
    expect(nameMatches([], person("Ada", "Okafor"))).toBe(false);
  });
});

function referral(overrides: Partial<SearchableReferral>): SearchableReferral {
  return {
    referralId: "ref_1",
    reference: "LW-AAAA-AAAA",
    status: "received",
    receivedAt: "2026-11-01T09:00:00.000Z",
    person: { givenName: "Ada", familyName: "Okafor", nhsNumber: "9990000018" },
    ...overrides,
  };
}

describe("ordering results", () => {
  it("puts the exact NHS number or reference first, then open before finished, then newest", () => {
    const exact = referral({
      referralId: "ref_exact",
      status: "closed",
      receivedAt: "2025-02-01T09:00:00.000Z",
    });
    const oldOpen = referral({
      referralId: "ref_old_open",
      receivedAt: "2026-01-01T09:00:00.000Z",
      person: { givenName: "Ada", familyName: "Okafor" },
    });
    const newOpen = referral({
      referralId: "ref_new_open",
      receivedAt: "2026-10-01T09:00:00.000Z",
      person: { givenName: "Ada", familyName: "Okafor" },
    });
    const newClosed = referral({
      referralId: "ref_new_closed",
      status: "withdrawn",
      receivedAt: "2026-11-20T09:00:00.000Z",
      person: { givenName: "Ada", familyName: "Okafor" },
    });
    const terms = { nhsNumber: "9990000018", nameWords: ["ada"] };
    expect(rankResults([newClosed, oldOpen, exact, newOpen], terms).map((item) => item.referralId)).toEqual([
      "ref_exact",
      "ref_new_open",
      "ref_old_open",
      "ref_new_closed",
    ]);
  });

  it("matches a referral by its reference, its person's NHS number or name, and nothing else", () => {
    const item = referral({});
    expect(matchesSearch(item, { reference: "LW-AAAA-AAAA", nameWords: [] })).toBe(true);
    expect(matchesSearch(item, { reference: "LW-AAAA-AAAB", nameWords: [] })).toBe(false);
    expect(matchesSearch(item, { nhsNumber: "9990000018", nameWords: [] })).toBe(true);
    expect(matchesSearch(item, { nhsNumber: "9990000026", nameWords: [] })).toBe(false);
    expect(matchesSearch(item, { reference: "LW-MARG-ARET", nameWords: ["margaret"] })).toBe(false);
  });
});
