import { AppError } from "../util/errors";

/** What an attempt returns when its transaction collided with another in flight and may simply run again. */
export const tryAgain = Symbol("try again");

const maxAttempts = 4;

/**
 * Runs an attempt (which reads afresh each time) until it settles. DynamoDB cancels a transaction
 * that collides with another on the same item; after a short random wait the next attempt either
 * succeeds or meets the other's result as a condition failure, the answer the caller should hear.
 */
export async function withRetries<T>(attempt: () => Promise<T | typeof tryAgain>): Promise<T> {
  for (let count = 1; ; count++) {
    const result = await attempt();
    if (result !== tryAgain) return result;
    if (count >= maxAttempts) {
      throw new AppError("version_conflict", "Others were changing the board at the same moment; try again");
    }
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * count));
  }
}
