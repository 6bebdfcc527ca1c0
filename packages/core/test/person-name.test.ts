import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareNames, normaliseName, transliterateName } from "../src/person/domain/name";

describe("normalising a name for matching", () => {
  it.each([
    ["O'Brien", "obrien"],
    ["  Mary-Jane  ", "maryjane"],
    ["SMITH", "smith"],
    ["Straße", "strasse"],
    ["ΟΔΥΣΣΕΥΣ", "οδυσσευσ"],
    ["Οδυσσεύς", "οδυσσεύσ"],
    ["ＬＥＥ", "lee"],
    ["ﬁnn", "finn"],
    ["Иванов", "иванов"],
    ["李", "李"],
    ["محمد", "محمد"],
    ["प्रिया", "प्रिया"],
  ])("normalises %s to %s", (name, expected) => {
    expect(normaliseName(name)).toBe(expected);
  });

  it("keeps letters of every script, so different non-Latin names stay different", () => {
    expect(normaliseName("李")).not.toBe(normaliseName("王"));
    expect(normaliseName("Иванов")).not.toBe(normaliseName("Петров"));
    expect(normaliseName("محمد")).not.toBe(normaliseName("أحمد"));
    expect(compareNames("李", "王")).toBe("different");
    expect(compareNames("Иванов", "Петров")).toBe("different");
  });

  it("treats composed and decomposed accents as the same name", () => {
    expect(normaliseName("Zoe\u0308")).toBe(normaliseName("Zo\u00eb"));
    expect(compareNames("Zoe\u0308", "Zo\u00eb")).toBe("same");
  });

  it("joins names differing only in accents as a weak, transliterated agreement", () => {
    expect(compareNames("Müller", "Muller")).toBe("transliterated");
    expect(compareNames("Zoë", "Zoe")).toBe("transliterated");
    expect(compareNames("Łukasz", "Lukasz")).toBe("transliterated");
    expect(compareNames("Йован", "Иован")).toBe("transliterated");
    expect(compareNames("Müller", "Miller")).toBe("different");
  });

  it("keeps the vowel signs of scripts where they are part of the letter", () => {
    expect(transliterateName("किरण")).not.toBe(transliterateName("करण"));
  });

  it("compares names made only of punctuation by their text", () => {
    expect(compareNames("-", "-")).toBe("same");
    expect(compareNames("-", ".")).toBe("different");
  });
});

const anyName = fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 });
const letters = fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 12 });

describe("name normalisation (properties)", () => {
  it("is idempotent", () => {
    fc.assert(
      fc.property(anyName, (name) => {
        expect(normaliseName(normaliseName(name))).toBe(normaliseName(name));
        expect(transliterateName(transliterateName(name))).toBe(transliterateName(name));
      }),
      { numRuns: 2000 },
    );
  });

  it("ignores letter case", () => {
    fc.assert(
      fc.property(anyName, (name) => {
        expect(normaliseName(name.toUpperCase())).toBe(normaliseName(name.toLowerCase()));
      }),
      { numRuns: 2000 },
    );
  });

  it("ignores spaces and punctuation between letters", () => {
    fc.assert(
      fc.property(letters, letters, fc.constantFrom(" ", "-", "'", ".", "’", "\u00a0"), (a, b, gap) => {
        expect(normaliseName(`${a}${gap}${b}`)).toBe(normaliseName(`${a}${b}`));
      }),
    );
  });

  it("agrees with itself and symmetrically", () => {
    fc.assert(
      fc.property(anyName, anyName, (a, b) => {
        expect(compareNames(a, a)).toBe("same");
        expect(compareNames(a, b)).toBe(compareNames(b, a));
      }),
      { numRuns: 2000 },
    );
  });

  it("never loses a letter: a name with letters normalises to something", () => {
    fc.assert(
      fc.property(anyName, (name) => {
        if (/[\p{L}\p{N}]/u.test(name)) expect(normaliseName(name)).not.toBe("");
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps distinct single letters of any script distinct, unless they are the same letter in another case or form", () => {
    const letter = fc
      .integer({ min: 0x41, max: 0x9fff })
      .map((code) => String.fromCodePoint(code))
      .filter((character) => /^\p{L}$/u.test(character));
    fc.assert(
      fc.property(letter, letter, (a, b) => {
        const sameLetter =
          a.normalize("NFKC").toUpperCase().toLowerCase() === b.normalize("NFKC").toUpperCase().toLowerCase();
        expect(normaliseName(a) === normaliseName(b)).toBe(sameLetter);
      }),
      { numRuns: 5000 },
    );
  });
});
