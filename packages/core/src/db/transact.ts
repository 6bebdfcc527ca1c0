import type { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { Context } from "../context";
import type { TransactItem } from "./item-update";
import type { TransactionResult } from "./transaction";

/** An item of a transaction's `.params()` from ElectroDB, which types its parameters loosely. */
type ElectroTransactItem = Partial<
  Record<"Put" | "Update" | "Delete" | "ConditionCheck", Record<string, unknown>>
>;

/**
 * Sends one TransactWriteItems and reports a cancellation the way ElectroDB's transactions do
 * (a code per item), so `conditionFailedAt` reads both. For transactions whose items are not all
 * ElectroDB operations, such as an `itemUpdate`.
 */
export async function transactWrite(
  context: Context,
  items: ReadonlyArray<TransactItem | ElectroTransactItem>,
): Promise<TransactionResult> {
  try {
    await context.db.client.send(new TransactWriteCommand({ TransactItems: items as TransactItem[] }));
    return { canceled: false, data: [] };
  } catch (error) {
    if (!isCancellation(error)) throw error;
    return {
      canceled: true,
      data: (error.CancellationReasons ?? []).map((reason) => ({
        rejected: reason.Code !== "None",
        ...(reason.Code ? { code: reason.Code } : {}),
      })),
    };
  }
}

/** By name: the document client may carry its own copy of the low-level client's classes. */
function isCancellation(error: unknown): error is TransactionCanceledException {
  return error instanceof Error && error.name === "TransactionCanceledException";
}
