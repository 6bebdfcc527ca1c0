import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashOf, stableStringify } from "../src/util/stable-json";

describe("stable JSON", () => {
  it("does not depend on the order keys were written in", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(stableStringify(reversed)).toBe(stableStringify(value));
        expect(hashOf(reversed)).toBe(hashOf(value));
      }),
    );
  });

  it("round-trips through JSON.parse to the same value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(stableStringify(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it("tells different values apart", () => {
    expect(hashOf({ needs: ["housing"] })).not.toBe(hashOf({ needs: ["debt"] }));
  });
});
