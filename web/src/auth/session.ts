import { createSignal } from "solid-js";
import { queryClient } from "../query-client";

const storageKey = "linkwork.token";

export type SignOutReason = "signed_out" | "expired";

/** Seconds since the epoch at which the JWT stops being accepted, read from its payload. */
function expiresAt(token: string): number | undefined {
  try {
    const payload = token.split(".")[1] ?? "";
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === "number" ? exp : undefined;
  } catch {
    return undefined;
  }
}

function isCurrent(token: string): boolean {
  const exp = expiresAt(token);
  return exp === undefined || exp * 1000 > Date.now();
}

function storedToken(): string | undefined {
  const token = sessionStorage.getItem(storageKey) ?? undefined;
  if (token && isCurrent(token)) return token;
  sessionStorage.removeItem(storageKey);
  return undefined;
}

const [token, setToken] = createSignal<string | undefined>(storedToken());
const [endReason, setEndReason] = createSignal<SignOutReason | undefined>();

/**
 * The signed-in user's token, kept for this browser tab only (sessionStorage), and what ended the
 * last session. Every change of user empties the query cache, so no record outlives its session.
 */
export const session = {
  token,
  endReason,
  start(newToken: string) {
    queryClient.clear();
    sessionStorage.setItem(storageKey, newToken);
    setEndReason(undefined);
    setToken(newToken);
  },
  end(reason: SignOutReason) {
    sessionStorage.removeItem(storageKey);
    setEndReason(reason);
    setToken(undefined);
    queryClient.clear();
  },
};
