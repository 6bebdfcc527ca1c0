import type { LocalRuntime } from "@linkwork/local/runtime";

/** Talks to a running local runtime over HTTP, signed in through its dev issuer. */
export function runtimeClient(runtime: Pick<LocalRuntime, "url">) {
  const tokens = new Map<string, string>();

  async function tokenFor(email: string): Promise<string> {
    const cached = tokens.get(email);
    if (cached) return cached;
    const response = await fetch(`${runtime.url}/auth/dev/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email }),
    });
    if (response.status !== 200) throw new Error(`No token for ${email}: ${response.status}`);
    const { token } = (await response.json()) as { token: string };
    tokens.set(email, token);
    return token;
  }

  async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { as?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; headers: Headers; body: T }> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.as) headers.authorization = `Bearer ${await tokenFor(options.as)}`;
    if (options.body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(`${runtime.url}${path}`, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const text = await response.text();
    const isJson = response.headers.get("content-type")?.includes("json");
    return {
      status: response.status,
      headers: response.headers,
      body: (isJson && text ? JSON.parse(text) : text) as T,
    };
  }

  return { tokenFor, call };
}

export interface TimelineItem {
  id: string;
  type: string;
  at: string;
  actorId?: string;
  data: Record<string, unknown>;
}
