import { session } from "../auth/session";
import { config } from "../config";
import { ApiError, apiErrorFrom } from "./api-error";

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Routes such as dev sign-in are called before there is a token. */
  anonymous?: boolean;
}

/**
 * Calls the API: adds the bearer token, sends and reads JSON, and turns any failure into an
 * ApiError. A 401 means the session is over, so it is ended here and the app returns to sign-in.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  const token = session.token();
  if (token && !options.anonymous) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";

  let response: Response;
  try {
    response = await fetch(`${config.apiUrl}${path}`, {
      method: options.method ?? "GET",
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(
      0,
      "network_error",
      "Linkwork could not be reached. Check your connection and try again.",
    );
  }

  if (!response.ok) {
    const error = await apiErrorFrom(response);
    if (error.status === 401 && !options.anonymous) session.end("expired");
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
