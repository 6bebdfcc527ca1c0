import { createSignal } from "solid-js";
import { isApiError } from "../../api/api-error";
import { isReferralConflict, type ReferralConflict } from "../../api/referral-conflict";
import type { ErrorSummaryItem } from "../../ui/error-summary";

export type Problem =
  | { kind: "fields"; items: ErrorSummaryItem[] }
  | { kind: "conflict"; conflict: ReferralConflict }
  /** Any other record that changed under the user (a link worker's limit): what it is now, and how to reload. */
  | { kind: "stale"; heading: string; body: string; reload: () => void };

/** Where a problem the API reported at `path` should link to; undefined means the form as a whole. */
export type TargetFor = (path: string) => string | undefined;

/**
 * What the last action on a page led to: the problems to list at the top of the page (taking focus
 * on every failed attempt), a conflict to explain, or what was done.
 */
export function createActionFeedback() {
  const [problem, setProblem] = createSignal<Problem>();
  const [attempt, setAttempt] = createSignal(0);
  const [success, setSuccess] = createSignal<string>();

  const fail = (found: Problem) => {
    setSuccess(undefined);
    setProblem(found);
    setAttempt((count) => count + 1);
  };

  return {
    problem,
    attempt,
    success,
    /** Problems the user can fix in the form, each linked to its field. */
    failFields: (items: ErrorSummaryItem[]) => fail({ kind: "fields", items }),
    failStale: (heading: string, body: string, reload: () => void) =>
      fail({ kind: "stale", heading, body, reload }),
    /** An action the API refused: a conflict to explain, its own field problems, or its message. */
    failFrom(error: Error, targetFor: TargetFor, fallbackTarget: string) {
      if (isReferralConflict(error)) return fail({ kind: "conflict", conflict: error });
      if (isApiError(error) && error.details.length > 0) {
        return fail({
          kind: "fields",
          items: error.details.map((detail) => ({
            targetId: targetFor(detail.path) ?? fallbackTarget,
            message: detail.message,
          })),
        });
      }
      fail({ kind: "fields", items: [{ targetId: fallbackTarget, message: error.message }] });
    },
    succeed(message: string) {
      setProblem(undefined);
      setSuccess(message);
      setAttempt((count) => count + 1);
    },
    clear() {
      setProblem(undefined);
      setSuccess(undefined);
    },
    /** The message to show against one field, when the last attempt found a problem there. */
    messageFor(targetId: string): string | undefined {
      const current = problem();
      if (current?.kind !== "fields") return undefined;
      return current.items.find((item) => item.targetId === targetId)?.message;
    },
  };
}

export type ActionFeedback = ReturnType<typeof createActionFeedback>;
