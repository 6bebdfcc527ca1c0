import fc from "fast-check";
import { base64url, type UrlPart } from "./encoding";
import { hugeText, oddText } from "./hostile-values";

/** Real values, and ids that are malformed, too long for a DynamoDB key, of another kind, or encoded oddly. */
export function hostileIds(realValues: string[]): fc.Arbitrary<UrlPart> {
  return fc.oneof(
    fc.constantFrom(...realValues).map((text) => ({ text })),
    fc
      .constantFrom(
        "ref_01jd8k2m3n4p5q6r7s8t9v0w1x",
        "ref_01JD8K2M3N4P5Q6R7S8T9V0W1X",
        "ref_01jd8k2m3n4p5q6r7s8t9v0w1",
        "ref_01jd8k2m3n4p5q6r7s8t9v0w1xx",
        "ref_",
        "ref",
        "org_01jd8k2m3n4p5q6r7s8t9v0w1x",
        "usr_01jd8k2m3n4p5q6r7s8t9v0w1x",
        "per_01jd8k2m3n4p5q6r7s8t9v0w1x",
        "evt_01jd8k2m3n4p5q6r7s8t9v0w1x",
        "",
        " ",
        "..",
        "null",
      )
      .map((text) => ({ text })),
    hugeText.map((text) => ({ text: `ref_${text}` })),
    fc.constantFrom(2_049, 3_000).map((length) => ({ text: "r".repeat(length) })),
    fc.constantFrom(700, 1_200).map((length) => ({ text: "李".repeat(length) })),
    oddText.map((text) => ({ text })),
    fc.string({ minLength: 1, maxLength: 40 }).map((text) => ({ text })),
    fc
      .constantFrom(
        "%2F",
        "ref_1%2Ftimeline",
        "..%2F..%2Fme",
        "%2e%2e",
        "%",
        "%zz",
        "%E0%A4%A",
        "%C0%AF",
        "%00",
        "%FF%FE",
        "a%20b",
        "%252F",
        "ref_01jd8k2m3n4p5q6r7s8t9v0w1x%00",
      )
      .map((raw) => ({ raw })),
  );
}

/** Cursors nobody issued: not base64, base64 of junk, and well-formed keys of other items or indexes. */
export const forgedCursors: fc.Arbitrary<UrlPart> = fc.oneof(
  fc.constantFrom("", "null", "x", "====", "eyJ", "e30", "W10").map((raw) => ({ raw })),
  fc
    .constantFrom(
      "{}",
      "[]",
      "null",
      '"x"',
      "1",
      '{"pk":"x"}',
      '{"pk":{"S":"x"}}',
      '{"pk":{"S":"$linkwork#referralid_x"},"sk":{"S":"$referral_1"}}',
      '{"pk":{"N":"1"},"sk":{"B":"AA=="}}',
      '{"gsi1pk":{"S":"x"},"gsi1sk":{"S":"y"},"pk":{"S":"z"},"sk":{"S":"w"}}',
      '{"pk":{"S":"$linkwork#organisationid_org_x"},"sk":{"S":"$user_1"},"gsi9pk":{"S":"q"}}',
      `{"pk":{"S":"${"k".repeat(2100)}"},"sk":{"S":"s"}}`,
    )
    .map((json) => ({ text: base64url(json) })),
  fc.jsonValue({ maxDepth: 3 }).map((value) => ({ text: base64url(JSON.stringify(value)) })),
  fc.string({ maxLength: 60 }).map((text) => ({ text })),
);
