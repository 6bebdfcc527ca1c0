import { createSignal } from "solid-js";
import { isApiError } from "../../api/api-error";
import type { ErrorSummaryItem } from "../../ui/error-summary";

/** A schema's or the API's problem paths (`actions.0.dueOn`), mapped to the control to fix. */
export type ProblemTarget = (path: string) => string | undefined;

/**
 * The problems of one form on the board's panels: listed in an error summary that takes focus on
 * each failed attempt, and shown against each field.
 */
export function createFormProblems() {
  const [items, setItems] = createSignal<ErrorSummaryItem[]>([]);
  const [attempt, setAttempt] = createSignal(0);
  const show = (found: ErrorSummaryItem[]) => {
    setItems(found);
    setAttempt((count) => count + 1);
  };
  return {
    items,
    attempt,
    fromIssues(
      issues: readonly { path: readonly PropertyKey[]; message: string }[],
      target: ProblemTarget,
      fallback: string,
    ) {
      const seen = new Set<string>();
      show(
        issues.flatMap((issue) => {
          const targetId = target(issue.path.map(String).join(".")) ?? fallback;
          if (seen.has(targetId)) return [];
          seen.add(targetId);
          return [{ targetId, message: issue.message }];
        }),
      );
    },
    fromError(error: Error, target: ProblemTarget, fallback: string) {
      if (isApiError(error) && error.details.length > 0) {
        show(
          error.details.map((detail) => ({
            targetId: target(detail.path) ?? fallback,
            message: detail.message,
          })),
        );
        return;
      }
      const message =
        isApiError(error) && error.status === 409
          ? "Someone else changed this item meanwhile. It now shows what they saved: check it and try again."
          : error.message;
      show([{ targetId: fallback, message }]);
    },
    clear: () => setItems([]),
    messageFor: (targetId: string) => items().find((item) => item.targetId === targetId)?.message,
  };
}

export type FormProblems = ReturnType<typeof createFormProblems>;
