/**
 * Errors are values with a code. The HTTP edge maps each code to the status in the contract;
 * nothing below the edge knows about HTTP.
 */
export type ErrorCode =
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "version_conflict"
  | "invalid_transition"
  | "capacity_reached"
  | "already_claimed"
  | "already_listed"
  | "idempotency_conflict"
  | "rate_limited";

export interface IssueDetail {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: IssueDetail[];
  readonly currentVersion: number | undefined;
  /** For rate_limited: how long until the caller may try again. */
  readonly retryAfterSeconds: number | undefined;
  /** Set once the refusal is in the audit trail, so the edge does not record it a second time. */
  audited = false;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: IssueDetail[]; currentVersion?: number; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = options.details ?? [];
    this.currentVersion = options.currentVersion;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const ValidationFailed = (details: IssueDetail[], message = "The request is not valid") =>
  new AppError("validation_failed", message, { details });
export const Unauthenticated = (message = "Sign in to continue") => new AppError("unauthenticated", message);
export const Forbidden = (message = "You do not have permission to do this") =>
  new AppError("forbidden", message);
export const NotFound = (what = "The record") => new AppError("not_found", `${what} was not found`);
export const VersionConflict = (currentVersion: number) =>
  new AppError("version_conflict", "Someone else changed this record since you loaded it", {
    currentVersion,
  });
export const InvalidTransition = (message: string, currentVersion?: number) =>
  new AppError("invalid_transition", message, currentVersion === undefined ? {} : { currentVersion });
export const CapacityReached = (message = "The caseload limit has been reached") =>
  new AppError("capacity_reached", message);
export const AlreadyClaimed = (currentVersion?: number) =>
  new AppError(
    "already_claimed",
    "Another link worker has already picked up this referral",
    currentVersion === undefined ? {} : { currentVersion },
  );
export const AlreadyListed = () =>
  new AppError("already_listed", "This person is already on the meeting's agenda");
export const IdempotencyConflict = () =>
  new AppError("idempotency_conflict", "This Idempotency-Key was already used for a different request");
export const RateLimited = (retryAfterSeconds: number) =>
  new AppError(
    "rate_limited",
    `Too many requests; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`,
    {
      retryAfterSeconds,
    },
  );

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
