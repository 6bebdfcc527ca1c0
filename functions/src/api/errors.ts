import { type AppError, type ErrorCode, isAppError } from "@linkwork/core/util/errors";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

const statusByCode: Record<ErrorCode, ContentfulStatusCode> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  version_conflict: 409,
  invalid_transition: 409,
  capacity_reached: 409,
  already_claimed: 409,
  already_listed: 409,
  idempotency_conflict: 409,
  rate_limited: 429,
};

export function errorBody(error: AppError) {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details.length > 0 ? { details: error.details } : {}),
      ...(error.currentVersion !== undefined ? { currentVersion: error.currentVersion } : {}),
    },
  };
}

/** Known errors become the contract's 4xx responses; anything else is logged and is a 500. */
export function handleError(error: Error, c: Context) {
  if (isAppError(error)) {
    if (error.code === "unauthenticated") c.header("WWW-Authenticate", 'Bearer realm="linkwork"');
    if (error.retryAfterSeconds !== undefined) c.header("Retry-After", String(error.retryAfterSeconds));
    return c.json(errorBody(error), statusByCode[error.code]);
  }
  if (error instanceof HTTPException && error.status < 500) {
    // Hono's own refusals: malformed JSON, a body without a JSON content type.
    const message =
      error.status === 415 ? "Send the request body as JSON (Content-Type: application/json)" : error.message;
    return c.json(
      { error: { code: "validation_failed", message, details: [{ path: "(body)", message }] } },
      400,
    );
  }
  if (isTransientFailure(error)) {
    // Nothing the client sent: the database was slow or busy. Saying so lets them try again.
    console.warn("Transient failure", error.name, error.message);
    c.header("Retry-After", "2");
    return c.json(
      { error: { code: "service_unavailable", message: "The service is busy; try again in a moment" } },
      503,
    );
  }
  console.error("Unhandled error", error);
  return c.json({ error: { code: "internal_error", message: "Something went wrong on our side" } }, 500);
}

/** AWS errors that a retry a moment later may not meet: timeouts, throttling, a busy service. */
const transientNames = new Set([
  "TimeoutError",
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
  "InternalServerError",
  "ServiceUnavailable",
]);

/** Whether the error, or what ElectroDB or the SDK wrapped in it, is one of those. */
function isTransientFailure(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  return transientNames.has(error.name) || isTransientFailure(error.cause, depth + 1);
}
