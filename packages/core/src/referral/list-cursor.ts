import { createHash } from "node:crypto";
import * as z from "zod";
import { ValidationFailed } from "../util/errors";
import { stableStringify } from "../util/stable-json";

/** The index keys a page stops after: strings only, as every key on the table is a string. */
const Keys = z.record(z.string().max(2048), z.string().max(2048));

const CursorContent = z.object({
  /** Which list it continues: a cursor from another list, user or filter is refused. */
  list: z.string(),
  /** For lists read month by month: the month the next page starts in. */
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  keys: Keys.optional(),
});
export type CursorContent = z.infer<typeof CursorContent>;

/** A short fingerprint of what a list is: who reads it, which index and which filters. */
export function listFingerprint(definition: unknown): string {
  return createHash("sha256").update(stableStringify(definition)).digest("base64url").slice(0, 22);
}

export function encodeCursor(content: CursorContent): string {
  return Buffer.from(JSON.stringify(content)).toString("base64url");
}

export const invalidCursor = () =>
  ValidationFailed([
    { path: "cursor", message: "This cursor does not continue this list: start again from the first page" },
  ]);

/** The cursor the client sent back, if it continues the list it is being used for. */
export function decodeCursor(cursor: string | undefined, list: string): CursorContent | undefined {
  if (cursor === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  const content = CursorContent.safeParse(parsed);
  if (!content.success || content.data.list !== list) throw invalidCursor();
  return content.data;
}
