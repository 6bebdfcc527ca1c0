import { config } from "../config";
import { codeChallenge, randomSecret } from "./pkce";

/** Must match the callback URL the user pool client allows (infra/auth.ts). */
export const callbackPath = "/sign-in/callback";
const pendingKey = "linkwork.cognito.pending";

interface PendingSignIn {
  state: string;
  verifier: string;
  returnTo: string;
}

function hostedSignIn() {
  if (!config.cognito) throw new Error("Hosted sign-in is not configured for this deployment");
  return config.cognito;
}

const redirectUri = () => `${window.location.origin}${callbackPath}`;

/** Sends the browser to the hosted sign-in page (authorisation code flow with PKCE). */
export async function startHostedSignIn(returnTo: string): Promise<void> {
  const { origin, clientId } = hostedSignIn();
  const pending: PendingSignIn = { state: randomSecret(), verifier: randomSecret(), returnTo };
  sessionStorage.setItem(pendingKey, JSON.stringify(pending));
  const query = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: redirectUri(),
    scope: "openid email profile",
    state: pending.state,
    code_challenge: await codeChallenge(pending.verifier),
    code_challenge_method: "S256",
  });
  window.location.assign(`${origin}/oauth2/authorize?${query}`);
}

/**
 * Finishes sign-in on the callback page: checks the state matches the one this tab sent, then
 * swaps the code (with its verifier) for tokens. Returns the ID token and where to go next.
 */
export async function completeHostedSignIn(
  search: URLSearchParams,
): Promise<{ idToken: string; returnTo: string }> {
  const { origin, clientId } = hostedSignIn();
  const stored = sessionStorage.getItem(pendingKey);
  sessionStorage.removeItem(pendingKey);
  const refusal = search.get("error_description") ?? search.get("error");
  if (refusal) throw new Error(`Sign-in was not completed: ${refusal}`);
  const pending = stored ? (JSON.parse(stored) as PendingSignIn) : undefined;
  const code = search.get("code");
  if (!pending || !code || search.get("state") !== pending.state) {
    throw new Error("This sign-in link has expired or was not started from this tab. Sign in again.");
  }
  const response = await fetch(`${origin}/oauth2/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      client_id: clientId,
      code,
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error("The sign-in service did not accept the sign-in. Sign in again.");
  const tokens = (await response.json()) as { id_token?: unknown };
  if (typeof tokens.id_token !== "string") throw new Error("The sign-in service sent no identity token");
  return { idToken: tokens.id_token, returnTo: pending.returnTo };
}

/** Ends the hosted sign-in session too, so "Sign out" on a shared computer really signs out. */
export function hostedSignOutUrl(): string | undefined {
  if (!config.cognito) return undefined;
  const query = new URLSearchParams({
    client_id: config.cognito.clientId,
    logout_uri: `${window.location.origin}/`,
  });
  return `${config.cognito.origin}/logout?${query}`;
}
