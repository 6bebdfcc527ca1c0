import fc from "fast-check";
import { type JsonSchema, type OpenApiDocument, resolve } from "./openapi-document";

/**
 * Values a property name should often take, because random text almost never names a real
 * organisation or user: with them, valid-shaped bodies get past the lookups into the use cases.
 */
export type KnownValues = Record<string, fc.Arbitrary<unknown>>;

const isoDate = (from: number, to: number) =>
  fc.integer({ min: from, max: to }).map((days) => new Date(days * 86_400_000).toISOString().slice(0, 10));

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 40, minLength + 40);
  let shaped: fc.Arbitrary<string>;
  if (schema.format === "date") shaped = isoDate(-25_000, 25_000);
  else if (schema.format === "date-time")
    shaped = fc.date({ noInvalidDate: true }).map((at) => at.toISOString());
  // fast-check's addresses follow RFC 5322, which allows far more than any real form accepts.
  else if (schema.format === "email")
    shaped = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9]{0,10}@[a-z]{2,10}\.(test|uk)$/), fc.emailAddress());
  else if (schema.pattern) shaped = fc.stringMatching(new RegExp(schema.pattern));
  else shaped = fc.string({ minLength, maxLength, unit: "grapheme" });
  // An example in the schema is a value the API accepts; offering it often reaches past validation.
  if (typeof schema.example === "string") {
    return fc.oneof({ arbitrary: fc.constant(schema.example), weight: 2 }, { arbitrary: shaped, weight: 1 });
  }
  return shaped;
}

function numberOf(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min =
    schema.minimum ?? (schema.exclusiveMinimum === undefined ? -1_000 : schema.exclusiveMinimum + 1);
  const max = schema.maximum ?? (schema.exclusiveMaximum === undefined ? 1_000 : schema.exclusiveMaximum - 1);
  if (!integer) return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  // Versions and counts are small in practice: the low end is where real values live.
  return fc.oneof(fc.integer({ min, max: Math.min(max, min + 4) }), fc.integer({ min, max }));
}

/**
 * Values of the shape a JSON Schema describes: the right types, enum members, required keys and
 * lengths. Refinements the schema cannot say (check digits, real dates) are left to chance.
 */
export function validShaped(
  document: OpenApiDocument,
  given: JsonSchema,
  known: KnownValues = {},
  depth = 0,
): fc.Arbitrary<unknown> {
  const schema = resolve(document, given);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives)
    return fc.oneof(...alternatives.map((option) => validShaped(document, option, known, depth)));
  if (schema.allOf?.[0]) return validShaped(document, schema.allOf[0], known, depth);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? "object"];
  if (types.length > 1) {
    return fc.oneof(...types.map((type) => validShaped(document, { ...schema, type }, known, depth)));
  }
  switch (types[0]) {
    case "string":
      return stringOf(schema);
    case "integer":
      return numberOf(schema, true);
    case "number":
      return numberOf(schema, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      // Lists of choices (needs, risk flags) name each choice once.
      const choices = schema.items ? resolve(document, schema.items).enum : undefined;
      if (choices) {
        return fc.uniqueArray(fc.constantFrom(...choices), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? choices.length, choices.length, 4),
        });
      }
      return fc.array(schema.items ? validShaped(document, schema.items, known, depth + 1) : fc.jsonValue(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, (schema.minItems ?? 0) + 4),
      });
    }
    default: {
      if (depth > 6) return fc.constant({});
      const properties = Object.entries(schema.properties ?? {});
      const model = Object.fromEntries(
        properties.map(([name, property]) => {
          const shaped = validShaped(document, property, known, depth + 1);
          const hint = known[name];
          return [
            name,
            hint ? fc.oneof({ arbitrary: hint, weight: 3 }, { arbitrary: shaped, weight: 1 }) : shaped,
          ];
        }),
      );
      return fc.record(model, { requiredKeys: schema.required ?? [] });
    }
  }
}
