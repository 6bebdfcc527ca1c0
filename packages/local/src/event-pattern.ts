/**
 * The part of AWS's event pattern language that Linkwork's rules and filters use: exact matching.
 * A pattern is an object whose leaves are arrays of allowed values; every field named in the
 * pattern must be present and equal one of them (or, for an array field, contain one of them).
 * Fields the pattern does not name are ignored. This is how EventBridge rules and Lambda event
 * source mapping filters match, so the local runtime selects exactly what AWS would.
 */
export type EventPattern = { [field: string]: EventPattern | readonly Scalar[] };
type Scalar = string | number | boolean | null;

export function matchesPattern(pattern: EventPattern, value: unknown): boolean {
  if (!isRecord(value)) return false;
  return Object.entries(pattern).every(([field, expected]) => {
    if (!(field in value)) return false;
    const actual = value[field];
    if (Array.isArray(expected)) return matchesValues(expected as readonly Scalar[], actual);
    return matchesPattern(expected as EventPattern, actual);
  });
}

function matchesValues(allowed: readonly Scalar[], actual: unknown): boolean {
  const candidates = Array.isArray(actual) ? actual : [actual];
  return candidates.some((candidate) => allowed.some((option) => option === candidate));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
