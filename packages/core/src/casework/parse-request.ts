import type * as z from "zod";
import { ValidationFailed } from "../util/errors";
import { issuesToDetails } from "../util/validation";

/** A use case parses its own input, so a caller other than the API (a seed, a test) is as safe. */
export function parseRequest<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw ValidationFailed(issuesToDetails(parsed.error.issues));
  return parsed.data;
}
