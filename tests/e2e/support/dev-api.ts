/**
 * Calls the app under test's API as a demo user, signing them in through the local dev issuer
 * once and keeping their token: for tests that set their scene through the API.
 */
export function devApi(baseUrl: string) {
  const tokens = new Map<string, string>();
  async function tokenFor(email: string): Promise<string> {
    const known = tokens.get(email);
    if (known) return known;
    const response = await fetch(`${baseUrl}/auth/dev/token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email }),
    });
    const { token } = (await response.json()) as { token: string };
    tokens.set(email, token);
    return token;
  }
  /** The answer's JSON; any status other than 2xx fails the test with what the API said. */
  async function call<T>(email: string, method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${await tokenFor(email)}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok)
      throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }
  return { tokenFor, call };
}
