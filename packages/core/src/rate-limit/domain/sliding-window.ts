/**
 * A sliding-window rate limit kept as a bounded log: the times (epoch milliseconds) of the requests
 * let through in the last window, never more than `limit` of them. Unlike a fixed window, whose
 * counter resets on the boundary so a burst straddling it gets twice the limit, no stretch of
 * `windowSeconds` ever lets through more than `limit` requests.
 */
export interface SlidingWindow {
  limit: number;
  windowSeconds: number;
}

export type Admission =
  | { admitted: true; log: number[] }
  | { admitted: false; retryAfterSeconds: number; log: number[] };

/**
 * The requests still inside the window that ends at `nowMs`, oldest first. Entries a little ahead
 * of this clock (another instance's clock runs fast) still count: dropping them would undercount.
 */
export function liveEntries(log: readonly number[], nowMs: number, window: SlidingWindow): number[] {
  const since = nowMs - window.windowSeconds * 1000;
  return log.filter((at) => at > since).sort((left, right) => left - right);
}

/**
 * Decides one request at `nowMs` against the log of those let through before it. Admitted, the
 * log to store gains it; refused, `retryAfterSeconds` is the whole number of seconds until the
 * oldest entry leaves the window and a request would be admitted (at least one).
 */
export function admit(log: readonly number[], nowMs: number, window: SlidingWindow): Admission {
  const live = liveEntries(log, nowMs, window);
  if (live.length < window.limit) {
    return { admitted: true, log: [...live, nowMs].sort((left, right) => left - right) };
  }
  // The entry whose departure frees a place: with `limit` entries live, the oldest of the last `limit`.
  const freeing = live[live.length - window.limit] ?? nowMs;
  const freesAtMs = freeing + window.windowSeconds * 1000;
  return {
    admitted: false,
    retryAfterSeconds: Math.max(1, Math.ceil((freesAtMs - nowMs) / 1000)),
    log: live,
  };
}
