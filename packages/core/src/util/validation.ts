import type { z } from "zod";
import type { IssueDetail } from "./errors";

export function issuesToDetails(issues: readonly z.core.$ZodIssue[]): IssueDetail[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(body)",
    message: issue.message,
  }));
}

/**
 * A JSON object (not null, not an array). A refinement's `when` sees the raw input, which may be
 * any JSON at all, so it must check this before reading a field.
 */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
