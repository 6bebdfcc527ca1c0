import type { z } from "zod";
import type { Context } from "../context";
import type { PossibleMatchSummary } from "../referral/schema";

type Summary = z.infer<typeof PossibleMatchSummary>;

/** The possible matches still waiting for a coordinator, by referral id, for these referrals. */
export async function pendingMatches(context: Context, referralIds: string[]): Promise<Map<string, Summary>> {
  if (referralIds.length === 0) return new Map();
  const { personMatch } = context.db.entities;
  const found =
    referralIds.length === 1
      ? [(await personMatch.get({ referralId: referralIds[0] ?? "" }).go({ consistent: true })).data]
      : (await personMatch.get(referralIds.map((referralId) => ({ referralId }))).go()).data;
  const pending = new Map<string, Summary>();
  for (const match of found) {
    if (match?.status === "pending")
      pending.set(match.referralId, { basis: match.basis, differences: match.differences });
  }
  return pending;
}
