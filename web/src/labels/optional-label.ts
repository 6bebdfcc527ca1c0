/** The label for an optional coded value, or what to say when it was not recorded. */
export function optionalLabel<Code extends string>(
  labels: Record<Code, string> | ((code: Code) => string),
  code: Code | undefined,
  fallback: string,
): string {
  if (code === undefined) return fallback;
  return typeof labels === "function" ? labels(code) : labels[code];
}
