import type * as z from "zod";
import { ValidationFailed } from "../util/errors";
import { issuesToDetails } from "../util/validation";

/** Use cases parse their own input, so one called by a seed or a board is as safe as a route's. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw ValidationFailed(issuesToDetails(parsed.error.issues));
  return parsed.data;
}
