import type { Context } from "../context";
import { isConditionalCheckFailure } from "../db/transaction";
import { RateLimited } from "../util/errors";
import { admit, type SlidingWindow } from "./domain/sliding-window";

/** Requests racing on one key retry this often before the latest is told to wait a second. */
const maxAttempts = 5;

/**
 * Counts one request against `key` in a sliding window and refuses it past the limit, with the
 * seconds until a place frees. Each step reads the key's log and writes it back on condition that
 * nobody changed it meanwhile, so concurrent requests cannot all slip under the limit.
 */
export async function consumeRateLimit(context: Context, key: string, window: SlidingWindow): Promise<void> {
  const { rateLimit } = context.db.entities;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const nowMs = context.clock.now().getTime();
    const stored = (await rateLimit.get({ bucket: key }).go({ consistent: true })).data;
    const decision = admit(stored?.admittedAt ?? [], nowMs, window);
    if (!decision.admitted) throw RateLimited(decision.retryAfterSeconds);
    const version = stored?.version ?? 0;
    try {
      await rateLimit
        .upsert({
          bucket: key,
          admittedAt: decision.log,
          version: version + 1,
          expiresAt: Math.ceil(nowMs / 1000) + window.windowSeconds,
        })
        .where((attributes, { eq, notExists }) =>
          version === 0 ? notExists(attributes.version) : eq(attributes.version, version),
        )
        .go();
      return;
    } catch (error) {
      if (!isConditionalCheckFailure(error)) throw error;
    }
  }
  throw RateLimited(1);
}
