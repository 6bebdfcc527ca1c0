import type { Case } from "@linkwork/core/casework/schema";
import type { ApiError } from "../api/api-error";

/**
 * A 409 from a change to a case (someone saved the plan first), with the case as it is now, read
 * straight after, so the page can say what changed while keeping what the user typed.
 * `latest` is undefined when the case could not be read again.
 */
export class CaseConflict extends Error {
  readonly referralId: string;
  readonly latest: Case | undefined;
  override readonly cause: ApiError;

  constructor(cause: ApiError, referralId: string, latest: Case | undefined) {
    super(cause.message);
    this.name = "CaseConflict";
    this.referralId = referralId;
    this.latest = latest;
    this.cause = cause;
  }
}

export function isCaseConflict(error: unknown): error is CaseConflict {
  return error instanceof CaseConflict;
}
