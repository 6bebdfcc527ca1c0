import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testRangeNhsNumber } from "../src/person/domain/nhs-number";
import { readSearchQuery, waysOf } from "../src/search/domain/query";
import { SearchRequest } from "../src/search/schema";

const nhsNumber = testRangeNhsNumber(4242);
const spaced = `${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}`;

function terms(query: string) {
  const reading = readSearchQuery(query);
  if (!reading.ok) throw new Error(`Expected ${query} to be read, got: ${reading.problem}`);
  return reading.terms;
}

function problem(query: string) {
  const reading = readSearchQuery(query);
  if (reading.ok) throw new Error(`Expected ${query} to be refused`);
  return reading.problem;
}

describe("reading a search query", () => {
  it("reads a whole NHS number with or without spaces and hyphens, and nothing else from it", () => {
    for (const typed of [nhsNumber, spaced, ` ${spaced.replaceAll(" ", "-")} `]) {
      expect(terms(typed)).toEqual({ nhsNumber, nameWords: [] });
      expect(waysOf(terms(typed))).toEqual(["nhs_number"]);
    }
  });

  it("tells a mistyped NHS number apart from a name rather than searching for it", () => {
    const wrongCheckDigit = `${nhsNumber.slice(0, 9)}${(Number(nhsNumber[9]) + 1) % 10}`;
    expect(problem(wrongCheckDigit)).toMatch(/not a valid NHS number/);
    expect(problem("943 476")).toMatch(/whole NHS number/);
  });

  it("reads a reference however it is typed, reading O, I and L as the digits they stand for", () => {
    for (const typed of [
      "LW-7K3M-Q9P2",
      "lw-7k3m-q9p2",
      "LW 7K3M Q9P2",
      "7K3M-Q9P2",
      "7k3mq9p2",
      "LW7K3MQ9P2",
    ]) {
      expect(terms(typed)).toEqual({ reference: "LW-7K3M-Q9P2", nameWords: [] });
    }
    expect(terms("LW-7K3M-Q9PO").reference).toBe("LW-7K3M-Q9P0");
    expect(terms("12345678")).toEqual({ reference: "LW-1234-5678", nameWords: [] });
  });

  it("tries eight letters typed alone both as a reference and as a name", () => {
    expect(terms("Margaret")).toEqual({ reference: "LW-MARG-ARET", nameWords: ["margaret"] });
    expect(waysOf(terms("Margaret"))).toEqual(["reference", "name"]);
  });

  it("reads anything else as the words of a name, normalised as person matching normalises them", () => {
    expect(terms("  ZOË  o'brien ")).toEqual({ nameWords: ["zoë", "obrien"] });
    expect(terms("Mary-Jane Smith")).toEqual({ nameWords: ["mary", "jane", "smith"] });
    expect(terms("Иванов")).toEqual({ nameWords: ["иванов"] });
    expect(terms("ＬＥＥ")).toEqual({ nameWords: ["lee"] });
  });

  it("needs two characters, except one Chinese, Japanese or Korean character, which is a whole name", () => {
    expect(problem("a")).toMatch(/at least 2 characters/);
    expect(problem("  a  ")).toMatch(/at least 2 characters/);
    expect(terms("李")).toEqual({ nameWords: ["李"] });
    expect(terms("Al")).toEqual({ nameWords: ["al"] });
  });

  it("takes at most 100 characters, and refuses text with no letters or digits", () => {
    expect(terms("a".repeat(100)).nameWords).toEqual(["a".repeat(100)]);
    expect(problem("a".repeat(101))).toMatch(/at most 100 characters/);
    expect(problem("?? !!")).toMatch(/no letters or digits/);
  });

  it("never throws, and either reads at least one way to search or names the problem", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120, unit: "grapheme" }), (typed) => {
        const reading = readSearchQuery(typed);
        if (reading.ok) expect(waysOf(reading.terms).length).toBeGreaterThan(0);
        else expect(reading.problem.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe("the search request schema", () => {
  it("lists the problem with the query under q", () => {
    const result = SearchRequest.safeParse({ q: "x" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["q", "Type at least 2 characters of a name, an NHS number or a reference"],
    ]);
    expect(SearchRequest.safeParse({}).error?.issues[0]?.path).toEqual(["q"]);
  });
});
