import fc from "fast-check";
import { encodePart, percentEncode, type UrlPart } from "./encoding";
import { forgedCursors, hostileIds } from "./hostile-url-parts";
import { hugeText, nearMisses, oddText } from "./hostile-values";
import { mutated } from "./mutated";
import { fillPath, type OpenApiDocument, type Operation, type Parameter } from "./openapi-document";
import type { RawRequest } from "./raw-client";
import { type KnownValues, validShaped } from "./valid-shaped";

export interface FuzzWorld {
  document: OpenApiDocument;
  operations: Operation[];
  /** Callers signed in as someone in the table, and the rest (signed out, malformed tokens). */
  callers: { signedIn: string[]; others: string[] };
  /** Real values (ids in the table, cursors issued to someone), by the parameter or field that carries them. */
  known: Record<string, string[]>;
}

const jsonContentTypes = fc.oneof(
  { arbitrary: fc.constant("application/json"), weight: 2 },
  fc.constant("application/json; charset=utf-8"),
);

/** A value for a query or header parameter: valid-shaped as often as not, else hostile. */
function parameterValue(world: FuzzWorld, parameter: Parameter, known: KnownValues): fc.Arbitrary<UrlPart> {
  const real = known[parameter.name];
  const shaped = validShaped(world.document, parameter.schema, known).map((value) => ({
    text: String(value),
  }));
  const misses = nearMisses(parameter.schema).map((miss) =>
    miss.map((value) => ({ text: typeof value === "string" ? value : JSON.stringify(value) })),
  );
  return fc.oneof(
    { arbitrary: shaped, weight: 4 },
    { arbitrary: oddText.map((text) => ({ text })), weight: 2 },
    { arbitrary: hugeText.map((text) => ({ text })), weight: 1 },
    ...(real ? [{ arbitrary: real.map((value) => ({ text: String(value) })), weight: 4 }] : []),
    ...(parameter.name === "cursor" ? [{ arbitrary: forgedCursors, weight: 4 }] : []),
    ...(misses.length > 0 ? [{ arbitrary: fc.oneof(...misses), weight: 2 }] : []),
  );
}

function knownValues(world: FuzzWorld): KnownValues {
  return Object.fromEntries(
    Object.entries(world.known)
      .filter(([, values]) => values.length > 0)
      .map(([name, values]) => [name, fc.constantFrom(...values)]),
  );
}

/**
 * The operation's path with an id for each parameter: a real one of its kind ("real"), or mostly
 * hostile ones, with real ones among them so some requests still reach the use cases ("hostile").
 */
function pathFor(world: FuzzWorld, operation: Operation, ids: "real" | "hostile") {
  const hostile = hostileIds(Object.values(world.known).flat());
  const entries = operation.pathParameters.map((parameter) => {
    const real = world.known[parameter.name] ?? [];
    const own = real.length > 0 ? fc.constantFrom(...real).map((text): UrlPart => ({ text })) : hostile;
    const arbitrary =
      ids === "real" ? own : fc.oneof({ arbitrary: own, weight: 1 }, { arbitrary: hostile, weight: 4 });
    return arbitrary.map((part) => [parameter.name, encodePart(part)] as const);
  });
  return fc.tuple(...entries).map((values) => fillPath(operation.path, Object.fromEntries(values)));
}

/** Header values travel as bytes: text beyond Latin-1 goes as its UTF-8 bytes, as a raw client sends it. */
function asHeaderValue(text: string): string {
  const bytes = Buffer.from(text, "utf8").toString("latin1");
  return bytes.replace(/[\0\r\n]/g, "").trim();
}

function headersFor(world: FuzzWorld, operation: Operation, known: KnownValues) {
  const latin1 = fc.string({
    unit: fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code)),
    maxLength: 260,
  });
  const entries = operation.headerParameters.map((parameter) =>
    fc
      .option(
        fc.oneof(
          parameterValue(world, parameter, known).map((part) => ("text" in part ? part.text : part.raw)),
          latin1,
        ),
        { nil: undefined },
      )
      .map((value) => [parameter.name, value] as const),
  );
  return fc
    .tuple(...entries)
    .map((values) =>
      Object.fromEntries(
        values
          .filter((entry): entry is readonly [string, string] => entry[1] !== undefined)
          .map(([name, value]) => [name, asHeaderValue(value)]),
      ),
    );
}

const requestBase = (world: FuzzWorld) => ({
  // Mostly signed in, so requests get past authentication to the parsing and the use cases.
  caller: fc.oneof(
    { arbitrary: fc.constantFrom(...world.callers.signedIn), weight: 5 },
    { arbitrary: fc.constantFrom(...world.callers.others), weight: 1 },
  ),
  sourceIp: fc.ipV4(),
});

/** Bodies for every operation that takes one: valid-shaped, or valid-shaped with things wrong. */
export function bodyRequests(world: FuzzWorld): fc.Arbitrary<RawRequest> {
  const known = knownValues(world);
  const withBody = world.operations.filter((operation) => operation.body);
  return fc.oneof(
    ...withBody.map((operation) => {
      const schema = operation.body as NonNullable<Operation["body"]>;
      return fc.record({
        ...requestBase(world),
        method: fc.constant(operation.method),
        path: pathFor(world, operation, "real"),
        query: fc.constant(""),
        headers: fc
          .tuple(headersFor(world, operation, known), jsonContentTypes)
          .map(([headers, contentType]) => ({ ...headers, "content-type": contentType })),
        body: fc
          .oneof(
            { arbitrary: validShaped(world.document, schema, known), weight: 1 },
            { arbitrary: mutated(world.document, schema, known), weight: 3 },
          )
          .map((value) => (value === undefined ? undefined : JSON.stringify(value))),
      });
    }),
  );
}

/** Query strings for every operation: its parameters valid, hostile, repeated, unknown or badly encoded. */
export function queryRequests(world: FuzzWorld): fc.Arbitrary<RawRequest> {
  const known = knownValues(world);
  const everyName = [
    ...new Set(world.operations.flatMap((operation) => operation.queryParameters.map((each) => each.name))),
  ];
  return fc.oneof(
    ...world.operations.map((operation) => {
      const parameters = operation.queryParameters;
      const named = parameters.map((parameter) =>
        parameterValue(world, parameter, known).map((part) => `${parameter.name}=${encodePart(part)}`),
      );
      const pair = fc.oneof(
        ...(named.length > 0 ? [{ arbitrary: fc.oneof(...named), weight: 6 }] : []),
        {
          arbitrary: fc
            .tuple(fc.oneof(fc.constantFrom(...everyName, "page", "limit"), oddText), oddText)
            .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`),
          weight: 1,
        },
        {
          arbitrary: fc.constantFrom(
            "%zz=1",
            "status=%",
            "=",
            "&",
            "status",
            "status=received=triaged",
            "cursor=%E0%A4",
            "status[]=received",
            "status=received%00",
            "a=+",
          ),
          weight: 1,
        },
      );
      return fc
        .record({
          ...requestBase(world),
          method: fc.constant(operation.method),
          path: pathFor(world, operation, "real"),
          query: fc.array(pair, { minLength: 1, maxLength: 5 }).map((pairs) => pairs.join("&")),
          headers: fc.constant({}),
          body: operation.body
            ? validShaped(world.document, operation.body, known).map((value) => JSON.stringify(value))
            : fc.constant(undefined),
        })
        .map((request) =>
          request.body === undefined
            ? request
            : { ...request, headers: { "content-type": "application/json" } },
        );
    }),
  );
}

/** Every operation with a path parameter, called with hostile ids. */
export function pathRequests(world: FuzzWorld): fc.Arbitrary<RawRequest> {
  const known = knownValues(world);
  const withIds = world.operations.filter((operation) => operation.pathParameters.length > 0);
  return fc.oneof(
    ...withIds.map((operation) =>
      fc.record({
        ...requestBase(world),
        method: fc.constant(operation.method),
        path: pathFor(world, operation, "hostile"),
        query: fc.constant(""),
        headers: fc.constant<Record<string, string>>(
          operation.body ? { "content-type": "application/json" } : {},
        ),
        body: operation.body
          ? validShaped(world.document, operation.body, known).map((value) => JSON.stringify(value))
          : fc.constant(undefined),
      }),
    ),
  );
}

const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

/** Bodies that are not JSON objects, or not JSON, or not labelled as JSON; and methods no route has. */
export function transportRequests(world: FuzzWorld): fc.Arbitrary<RawRequest> {
  const known = knownValues(world);
  const rawBodies = fc.oneof(
    fc.constantFrom(
      "",
      " ",
      "{",
      "[",
      '{"version":',
      "null",
      "[]",
      '"x"',
      "1",
      "true",
      "\ufeff{}",
      '{"version":1,"version":"1"}',
      '{"__proto__":{"polluted":true},"version":1}',
      "{'version': 1}",
      "version=1",
      "NaN",
      deep(5_000),
      deep(200_000),
      `{"a":"${"z".repeat(1_000_000)}"}`,
    ),
    fc.string({ unit: "binary", maxLength: 50 }),
    fc.jsonValue().map((value) => JSON.stringify(value)),
  );
  const contentTypes = fc.option(
    fc.constantFrom(
      "application/json",
      "application/JSON",
      "application/json; charset=utf-16",
      "application/json;;",
      "application/vnd.api+json",
      "application/problem+json",
      "text/plain",
      "text/csv",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/octet-stream",
      "@@@",
    ),
    { nil: undefined },
  );
  return fc.oneof(
    ...world.operations.map((operation) =>
      fc
        .record({
          ...requestBase(world),
          method: fc.oneof(
            { arbitrary: fc.constant(operation.method), weight: 4 },
            { arbitrary: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"), weight: 1 },
          ),
          path: pathFor(world, operation, "real"),
          query: fc.constant(""),
          headers: contentTypes.map(
            (contentType): Record<string, string> =>
              contentType === undefined ? {} : { "content-type": contentType },
          ),
          body: fc.option(
            fc.oneof(
              rawBodies,
              operation.body
                ? validShaped(world.document, operation.body, known).map((value) => JSON.stringify(value))
                : rawBodies,
            ),
            { nil: undefined },
          ),
        })
        .map((request) => (request.method === "GET" ? { ...request, body: undefined } : request)),
    ),
  );
}
