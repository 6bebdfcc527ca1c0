import type { Referral } from "@linkwork/core/referral/schema";

export interface ApiResponse<Body = unknown> {
  status: number;
  body: Body;
  /** From sending the request to having parsed the whole response. */
  ms: number;
  /** The error code of a refusal (`version_conflict`, ...), or `network_error`. */
  code?: string;
  currentVersion?: number;
}

interface ErrorBody {
  error?: { code?: string; currentVersion?: number; message?: string };
}

const requestTimeoutMs = 30_000;

/** A client of the local runtime's API over HTTP, timing each request end to end. */
export function apiClient(baseUrl: string) {
  async function call<Body = unknown>(
    method: "GET" | "POST" | "PUT",
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<Body>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers["content-type"] = "application/json";
    const started = performance.now();
    try {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
      const text = await response.text();
      const ms = performance.now() - started;
      const body = (text ? JSON.parse(text) : undefined) as Body & ErrorBody;
      const error = response.ok ? undefined : body?.error;
      return {
        status: response.status,
        body,
        ms,
        ...(error?.code ? { code: error.code } : {}),
        ...(error?.currentVersion !== undefined ? { currentVersion: error.currentVersion } : {}),
      };
    } catch (error) {
      return {
        status: 0,
        body: { error: { message: String(error) } } as Body,
        ms: performance.now() - started,
        code: "network_error",
      };
    }
  }

  async function signIn(email: string): Promise<string> {
    const response = await call<{ token: string }>("POST", "/auth/dev/token", { body: { email } });
    if (response.status !== 200) throw new Error(`Could not sign in as ${email}: ${response.status}`);
    return response.body.token;
  }

  return { call, signIn };
}

export type ApiClient = ReturnType<typeof apiClient>;
export type ReferralResponse = ApiResponse<Referral>;
