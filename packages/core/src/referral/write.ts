import type { Context } from "../context";
import { itemUpdate, type TransactItem } from "../db/item-update";
import type { ReferralItem } from "./mapper";

/**
 * The conditional update that takes a stored referral from what the writer read to what it
 * decided: only the fields that changed, with their index keys, and only if `expect` still holds.
 */
export function referralUpdate(
  context: Context,
  current: ReferralItem,
  next: ReferralItem,
  expect: Partial<Record<keyof ReferralItem, string | number>>,
): TransactItem {
  const { referral } = context.db.entities;
  return {
    Update: itemUpdate({
      tableName: context.db.tableName,
      before: referral.put(current).params().Item,
      after: referral.put(next).params().Item,
      expect: Object.fromEntries(
        Object.entries(expect).filter((entry): entry is [string, string | number] => entry[1] !== undefined),
      ),
    }),
  };
}
