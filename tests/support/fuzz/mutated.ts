import fc from "fast-check";
import { hugeText, nearMisses, oddText, wrongTyped } from "./hostile-values";
import { type JsonSchema, type OpenApiDocument, resolve } from "./openapi-document";
import { type KnownValues, validShaped } from "./valid-shaped";

type Path = Array<string | number>;

interface Node {
  path: Path;
  schema: JsonSchema | undefined;
}

/** Every place in a value (the value itself first), each with the schema that describes it there. */
function nodesOf(
  document: OpenApiDocument,
  value: unknown,
  given: JsonSchema | undefined,
  path: Path = [],
): Node[] {
  const schema = given ? resolve(document, given) : undefined;
  const here: Node = { path, schema };
  if (Array.isArray(value)) {
    return [
      here,
      ...value.flatMap((item, index) => nodesOf(document, item, schema?.items, [...path, index])),
    ];
  }
  if (value !== null && typeof value === "object") {
    return [
      here,
      ...Object.entries(value).flatMap(([key, item]) =>
        nodesOf(document, item, schema?.properties?.[key], [...path, key]),
      ),
    ];
  }
  return [here];
}

type Mutation =
  | { kind: "replace"; at: number; value: unknown }
  | { kind: "remove"; at: number }
  | { kind: "add"; at: number; key: string; value: unknown };

function clone(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function parentOf(
  root: unknown,
  path: Path,
): { parent: Record<string | number, unknown>; key: string | number } | undefined {
  if (path.length === 0) return undefined;
  let parent = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  return { parent, key: path[path.length - 1] as string | number };
}

/** Sets an own property, so even a key named `__proto__` ends up in the JSON. */
function setOwn(target: object, key: string | number, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function apply(document: OpenApiDocument, schema: JsonSchema, value: unknown, mutation: Mutation): unknown {
  const root = { value: clone(value) };
  const nodes = nodesOf(document, root.value, schema);
  const node = nodes[mutation.at % nodes.length] as Node;
  const path: Path = ["value", ...node.path];
  const { parent, key } = parentOf(root, path) as {
    parent: Record<string | number, unknown>;
    key: string | number;
  };
  if (mutation.kind === "replace") setOwn(parent, key, mutation.value);
  else if (mutation.kind === "remove") {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else {
    const target = parent[key];
    if (target !== null && typeof target === "object" && !Array.isArray(target)) {
      setOwn(target, mutation.key, mutation.value);
    } else {
      const wrapper = {};
      setOwn(wrapper, mutation.key, mutation.value);
      setOwn(parent, key, wrapper);
    }
  }
  return root.value;
}

/** Hostile values, with near misses for every schema the body mentions so each field gets its own. */
function hostileFor(document: OpenApiDocument, schema: JsonSchema): fc.Arbitrary<unknown> {
  const schemas: JsonSchema[] = [];
  const visit = (given: JsonSchema, depth: number) => {
    const resolved = resolve(document, given);
    schemas.push(resolved);
    if (depth > 4) return;
    for (const property of Object.values(resolved.properties ?? {})) visit(property, depth + 1);
    if (resolved.items) visit(resolved.items, depth + 1);
  };
  visit(schema, 0);
  const misses = schemas.flatMap(nearMisses);
  return fc.oneof(
    // Null is what a careless client sends most often, and what a refinement is least ready for.
    { arbitrary: fc.constant(null), weight: 2 },
    { arbitrary: wrongTyped, weight: 4 },
    { arbitrary: hugeText, weight: 1 },
    ...(misses.length > 0 ? [{ arbitrary: fc.oneof(...misses), weight: 3 }] : []),
  );
}

/**
 * A valid-shaped value with one to three things wrong with it: a field of the wrong type, null or
 * out of range; a required field missing; an unexpected field added.
 */
export function mutated(
  document: OpenApiDocument,
  schema: JsonSchema,
  known: KnownValues = {},
): fc.Arbitrary<unknown> {
  const hostile = hostileFor(document, schema);
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    {
      arbitrary: fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value: hostile }),
      weight: 5,
    },
    { arbitrary: fc.record({ kind: fc.constant("remove" as const), at: fc.nat() }), weight: 2 },
    {
      arbitrary: fc.record({
        kind: fc.constant("add" as const),
        at: fc.nat(),
        key: fc.oneof(fc.constantFrom("__proto__", "constructor", "extra", "version", "id"), oddText),
        value: hostile,
      }),
      weight: 1,
    },
  );
  return fc
    .tuple(validShaped(document, schema, known), fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([value, mutations]) =>
      mutations.reduce((current, each) => apply(document, schema, current, each), value),
    );
}
