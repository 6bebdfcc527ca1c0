import type { ErrorSummaryItem } from "../../ui/error-summary";

interface Issue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
}

/**
 * A schema's problems as the error summary lists them: one per control (the first found), each
 * linked to its control. `plainWords` replaces the schema's message for a question left unanswered,
 * by the path's first part, since a missing choice reads better as "Select ...".
 */
export function problemsFrom(
  issues: readonly Issue[],
  targetFor: (path: string) => string,
  plainWords: Record<string, string> = {},
): ErrorSummaryItem[] {
  const seen = new Set<string>();
  return issues.flatMap((issue) => {
    const path = issue.path.map(String).join(".");
    const targetId = targetFor(path);
    if (seen.has(targetId)) return [];
    seen.add(targetId);
    const unanswered = issue.code === "invalid_value" || issue.code === "invalid_type";
    const message = (unanswered && plainWords[path.split(".")[0] ?? ""]) || issue.message;
    return [{ targetId, message }];
  });
}

/** Keeps one problem per control when several checks found the same one. */
export function onePerControl(items: readonly ErrorSummaryItem[]): ErrorSummaryItem[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.targetId) && Boolean(seen.add(item.targetId)));
}
