import type { Context } from "../context";
import type { Database } from "../db/database";
import { conditionFailedAt, isTransientCancellation, type TransactionResult } from "../db/transaction";
import { tryAgain } from "./retry";

/** The writes of one transaction, built from the service's entities. */
export type TransactionWrites = Parameters<Database["service"]["transaction"]["write"]>[0];

/** What one attempt's write may have lost to: the write at this position, and what to tell the caller. */
export interface LostRace {
  position: number;
  refusal: () => Promise<Error>;
}

/** Sends one transaction; ElectroDB types a cancellation's result more loosely than it reports it. */
export async function writeTransaction(
  context: Context,
  writes: TransactionWrites,
): Promise<TransactionResult> {
  return (await context.db.service.transaction.write(writes).go()) as TransactionResult;
}

/**
 * Commits one attempt's transaction. A refused condition at the position named is the caller's
 * race, told as its refusal; a collision with another write in flight returns `tryAgain`; any
 * other cancellation is a fault, not a race.
 */
export async function commitAttempt(
  context: Context,
  what: string,
  writes: TransactionWrites,
  race?: LostRace,
): Promise<"committed" | typeof tryAgain> {
  const result = await writeTransaction(context, writes);
  if (race && conditionFailedAt(result, race.position)) throw await race.refusal();
  if (race && isTransientCancellation(result)) return tryAgain;
  if (result.canceled) {
    throw new Error(
      `${what} transaction was cancelled: ${JSON.stringify(result.data.map((item) => item.code))}`,
    );
  }
  return "committed";
}
