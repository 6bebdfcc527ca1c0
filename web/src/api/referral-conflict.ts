import type { Referral } from "@linkwork/core/referral/schema";
import { type ApiError, isApiError } from "./api-error";

export type ConflictCode = "version_conflict" | "invalid_transition" | "capacity_reached" | "already_claimed";

const conflictCodes: readonly string[] = [
  "version_conflict",
  "invalid_transition",
  "capacity_reached",
  "already_claimed",
];

/**
 * A 409 from a change to a referral, with the referral as it is now, read straight after, so the
 * page can say what changed without replacing what the user is looking at until they choose to.
 * `latest` is undefined when the referral has moved out of the user's sight (someone else took it).
 */
export class ReferralConflict extends Error {
  readonly code: ConflictCode;
  readonly referralId: string;
  readonly latest: Referral | undefined;
  override readonly cause: ApiError;

  constructor(cause: ApiError, referralId: string, latest: Referral | undefined) {
    super(cause.message);
    this.name = "ReferralConflict";
    this.code = cause.code as ConflictCode;
    this.referralId = referralId;
    this.latest = latest;
    this.cause = cause;
  }
}

export function isReferralConflict(error: unknown): error is ReferralConflict {
  return error instanceof ReferralConflict;
}

export function isConflictError(error: unknown): error is ApiError {
  return isApiError(error) && error.status === 409 && conflictCodes.includes(error.code);
}
