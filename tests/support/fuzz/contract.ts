import type { RawResponse } from "./raw-client";

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isText = (value: unknown): value is string => typeof value === "string" && value.length > 0;

/**
 * What is wrong with a response by the contract (shared/API.md), if anything: never a 5xx; every
 * 4xx is `{ error: { code, message, details? } }`; a 400 lists its problems, each with a path.
 */
export function contractBreach(response: RawResponse): string | undefined {
  if (response.status >= 500) return `answered ${response.status}`;
  if (response.status < 400) return undefined;
  if (!/^application\/json/.test(response.contentType)) {
    return `answered ${response.status} as ${response.contentType || "no content type"}, not JSON`;
  }
  const body = parse(response.text) as { error?: Record<string, unknown> } | undefined;
  const error = body?.error;
  if (!error || !isText(error.code) || !isText(error.message)) {
    return `answered ${response.status} without the contract's error body`;
  }
  const details = error.details;
  if (details !== undefined) {
    const listed =
      Array.isArray(details) &&
      details.every(
        (detail: { path?: unknown; message?: unknown }) => isText(detail?.path) && isText(detail?.message),
      );
    if (!listed) return "lists details that are not each a { path, message }";
  }
  if (response.status === 400 && (!Array.isArray(details) || details.length === 0)) {
    return "answered 400 without listing the problems";
  }
  return undefined;
}
