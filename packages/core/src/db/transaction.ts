import { ElectroError } from "electrodb";

/** What ElectroDB reports for one item of a cancelled transaction. */
export interface TransactionItemResult {
  rejected: boolean;
  code?: string;
  item?: unknown;
}

export interface TransactionResult {
  canceled: boolean;
  data: TransactionItemResult[];
}

/** Whether the item at this position was refused because its condition did not hold. */
export function conditionFailedAt(result: TransactionResult, position: number): boolean {
  return result.canceled && result.data[position]?.code === "ConditionalCheckFailed";
}

/** DynamoDB cancels a transaction that collides with another in flight; it is safe to try again. */
export function isTransientCancellation(result: TransactionResult): boolean {
  return (
    result.canceled &&
    result.data.some((item) => item.code === "TransactionConflict") &&
    !result.data.some((item) => item.code === "ConditionalCheckFailed")
  );
}

/** A single write refused because its condition did not hold (ElectroDB wraps DynamoDB's error). */
export function isConditionalCheckFailure(error: unknown): boolean {
  if (!(error instanceof ElectroError)) return false;
  const cause = (error as { cause?: { name?: string } }).cause;
  return cause?.name === "ConditionalCheckFailedException";
}
