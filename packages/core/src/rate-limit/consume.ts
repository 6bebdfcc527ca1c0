import type { Context } from "../context";
import { isConditionalCheckFailure } from "../db/transaction";
import { RateLimited } from "../util/errors";

/**
 * Counts one request against `key` in the current window and refuses it past `limit`. The count
 * is one conditional update, so concurrent requests cannot all slip under the limit.
 */
export async function consumeRateLimit(
  context: Context,
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<void> {
  const nowSeconds = Math.floor(context.clock.now().getTime() / 1000);
  const window = Math.floor(nowSeconds / windowSeconds);
  try {
    await context.db.entities.rateLimit
      .update({ bucket: `${key}#${window}` })
      .add({ count: 1 })
      .set({ expiresAt: (window + 2) * windowSeconds })
      .where(
        (attributes, { notExists, lt }) => `${notExists(attributes.count)} OR ${lt(attributes.count, limit)}`,
      )
      .go();
  } catch (error) {
    if (isConditionalCheckFailure(error)) {
      throw RateLimited((window + 1) * windowSeconds - nowSeconds);
    }
    throw error;
  }
}
