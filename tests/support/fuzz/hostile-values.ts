import fc from "fast-check";
import type { JsonSchema } from "./openapi-document";

/** Text no form would produce: control characters, lone surrogates, right-to-left marks, emoji. */
export const oddText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: "grapheme-composite", maxLength: 30 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\ud800",
    "\udfff a",
    "\u202e\u0645\u0631\u062d\u0628\u0627",
    "\ufeff",
    "👩‍👩‍👧‍👦",
    "李王",
    "Иванов",
    "null",
    "undefined",
    "NaN",
    "__proto__",
    "constructor",
    "%00",
    "' OR 1=1 --",
    "{{7*7}}",
    "<script>alert(1)</script>",
  ),
);

/** Strings past any limit: DynamoDB's 2048-byte partition key, 1024-byte sort key, 400 KB item. */
export const hugeText = fc.oneof(
  fc.constantFrom(1_025, 2_049, 5_000, 70_000).map((length) => "x".repeat(length)),
  fc.constantFrom(700, 1_000).map((length) => "€".repeat(length)),
  fc.constantFrom(450_000).map((length) => "a".repeat(length)),
);

const deepArray = (depth: number): unknown => (depth === 0 ? [] : [deepArray(depth - 1)]);

/** A JSON value of the wrong type for almost any field. */
export const wrongTyped: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    -0.000001,
    2 ** 31,
    2 ** 53,
    -(2 ** 53),
    1e308,
    -1e308,
    [],
    {},
    [null],
    { "": null },
    JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{}}}'),
    deepArray(40),
  ),
  oddText,
  fc.jsonValue({ maxDepth: 3 }),
);

/** Near misses for this schema in particular: just past its bounds, an enum value slightly wrong. */
export function nearMisses(schema: JsonSchema): fc.Arbitrary<unknown>[] {
  const misses: fc.Arbitrary<unknown>[] = [];
  if (schema.enum) {
    const values = schema.enum.filter((value): value is string => typeof value === "string");
    if (values.length > 0) {
      misses.push(
        fc
          .tuple(fc.constantFrom(...values), fc.constantFrom("upper", "space", "prefix", "array"))
          .map(([value, how]) =>
            how === "upper"
              ? value.toUpperCase()
              : how === "space"
                ? ` ${value} `
                : how === "prefix"
                  ? `${value}_`
                  : [value],
          ),
      );
    }
  }
  if (schema.type === "integer" || schema.type === "number") {
    const candidates = [
      ...(schema.minimum !== undefined ? [schema.minimum - 1, schema.minimum - 0.5] : []),
      ...(schema.maximum !== undefined ? [schema.maximum + 1, schema.maximum + 0.5] : []),
      Number.MAX_SAFE_INTEGER + 2,
      -Number.MAX_VALUE,
    ];
    misses.push(fc.constantFrom(...candidates), fc.integer().map(String));
  }
  if (schema.format === "email") {
    // Well-formed, but long enough to pass for an address and still overflow a 400 KB item.
    misses.push(fc.constantFrom(300, 450_000).map((length) => `${"a".repeat(length)}@example.uk`));
  }
  if (schema.type === "string") {
    if (schema.maxLength !== undefined) misses.push(fc.constant("y".repeat(schema.maxLength + 1)));
    misses.push(fc.constantFrom("   ", "\t\n"));
  }
  if (schema.type === "array") {
    misses.push(fc.constant(Array.from({ length: (schema.maxItems ?? 60) + 1 }, () => "other")));
  }
  return misses;
}
