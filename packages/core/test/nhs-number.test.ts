import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatNhsNumber,
  isValidNhsNumber,
  nhsCheckDigit,
  normaliseNhsNumber,
  testRangeNhsNumber,
} from "../src/person/domain/nhs-number";

describe("NHS number check digit (Modulus 11)", () => {
  it.each(["9434765919", "4010232137", "9990000018", "9990000026", "9990000050"])(
    "accepts the valid number %s",
    (number) => {
      expect(isValidNhsNumber(number)).toBe(true);
    },
  );

  it("treats a remainder of 0 as check digit 0 (11 becomes 0)", () => {
    expect(nhsCheckDigit("999000005")).toBe(0);
    expect(isValidNhsNumber("9990000050")).toBe(true);
  });

  it("refuses numbers whose check digit would be 10", () => {
    expect(nhsCheckDigit("123456789")).toBeUndefined();
    for (let last = 0; last <= 9; last++) expect(isValidNhsNumber(`123456789${last}`)).toBe(false);
  });

  it.each([
    ["9434765918", "wrong check digit"],
    ["943476591", "nine digits"],
    ["94347659190", "eleven digits"],
    ["94347659l9", "a letter"],
    ["", "empty"],
  ])("refuses %s (%s)", (number) => {
    expect(isValidNhsNumber(number)).toBe(false);
  });

  it("ignores the spaces and hyphens people type", () => {
    expect(normaliseNhsNumber("943 476 5919")).toBe("9434765919");
    expect(isValidNhsNumber("943-476-5919")).toBe(true);
    expect(formatNhsNumber("9434765919")).toBe("943 476 5919");
  });

  it("accepts exactly one final digit for every nine-digit start that has a check digit", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (start) => {
        const valid = Array.from({ length: 10 }, (_, last) => `${start}${last}`).filter(isValidNhsNumber);
        const check = nhsCheckDigit(start);
        expect(valid).toEqual(check === undefined ? [] : [`${start}${check}`]);
      }),
    );
  });

  it("catches every single-digit typo in a valid number", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{9}$/).filter((start) => nhsCheckDigit(start) !== undefined),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (start, position, shift) => {
          const valid = `${start}${nhsCheckDigit(start)}`;
          const digit = (Number(valid[position]) + shift) % 10;
          const typo = `${valid.slice(0, position)}${digit}${valid.slice(position + 1)}`;
          expect(isValidNhsNumber(typo)).toBe(false);
        },
      ),
    );
  });

  it("makes valid test numbers only in the 999 range kept for test data", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), (serial) => {
        const number = testRangeNhsNumber(serial);
        expect(number).toMatch(/^999\d{7}$/);
        expect(isValidNhsNumber(number)).toBe(true);
      }),
    );
  });
});
