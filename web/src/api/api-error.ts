import type { ErrorCode, IssueDetail } from "@linkwork/core/util/errors";

export type ApiErrorCode = ErrorCode | "internal_error" | "network_error" | "unexpected_response";

/** The API's error body, `{ error: { code, message, details?, currentVersion? } }`, as a typed error. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: IssueDetail[];
  readonly currentVersion: number | undefined;

  constructor(
    status: number,
    code: ApiErrorCode,
    message: string,
    options: { details?: IssueDetail[]; currentVersion?: number } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = options.details ?? [];
    this.currentVersion = options.currentVersion;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown; currentVersion?: unknown };
}

function readDetails(details: unknown): IssueDetail[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((detail) =>
    typeof detail?.path === "string" && typeof detail?.message === "string"
      ? [{ path: detail.path, message: detail.message }]
      : [],
  );
}

/** Builds the error from a failed response, whatever its body turns out to be. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => undefined)) as ErrorBody | undefined;
  const error = body?.error;
  if (!error || typeof error.code !== "string") {
    return new ApiError(response.status, "unexpected_response", `The service answered ${response.status}`);
  }
  return new ApiError(
    response.status,
    error.code as ApiErrorCode,
    typeof error.message === "string" ? error.message : "The request failed",
    {
      details: readDetails(error.details),
      ...(typeof error.currentVersion === "number" ? { currentVersion: error.currentVersion } : {}),
    },
  );
}
