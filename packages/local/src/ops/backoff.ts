import { z } from "zod";

export const BackoffPolicy = z.object({
  /** Attempts in all, the first included. */
  attempts: z.number().int().min(1).max(20),
  /** The ceiling of the first retry's wait; each later one doubles it, up to `maxDelayMs`. */
  baseDelayMs: z.number().int().min(0),
  maxDelayMs: z.number().int().min(0),
});
export type BackoffPolicy = z.infer<typeof BackoffPolicy>;

export const defaultBackoff: BackoffPolicy = { attempts: 5, baseDelayMs: 200, maxDelayMs: 10_000 };

/**
 * How long to wait before retry `retry` (1 for the first): "full jitter", a random wait up to the
 * exponentially growing ceiling, so many redrives retrying at once do not retry in step.
 */
export function retryDelay(retry: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

export interface Waiting {
  sleep(ms: number): Promise<void>;
  random(): number;
}

export const realWaiting: Waiting = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** Tries `work` until it answers true or the attempts run out; resolves with whether it succeeded and how many tries it took. */
export async function withBackoff(
  work: () => Promise<boolean>,
  policy: BackoffPolicy,
  waiting: Waiting = realWaiting,
): Promise<{ succeeded: boolean; attempts: number }> {
  for (let attempt = 1; ; attempt++) {
    if (await work()) return { succeeded: true, attempts: attempt };
    if (attempt >= policy.attempts) return { succeeded: false, attempts: attempt };
    await waiting.sleep(retryDelay(attempt, policy, waiting.random));
  }
}
