import type { z } from "zod";
import { type IssueDetail, ValidationFailed } from "./errors";

export function issuesToDetails(issues: readonly z.core.$ZodIssue[]): IssueDetail[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(body)",
    message: issue.message,
  }));
}

/** Parses at a boundary; every problem is reported, not just the first. */
export function parseOrThrow<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw ValidationFailed(issuesToDetails(result.error.issues));
  return result.data;
}
