import type { Actor } from "../actor";
import type { Context } from "../context";
import { pendingMatches } from "../person/possible-match-read";
import { seesOtherRecords } from "./domain/access";
import { type ReferralItem, toReferral } from "./mapper";
import type { Referral } from "./schema";

/** The referral as this viewer may see it. */
export function referralFor(viewer: Actor, referral: Referral): Referral {
  if (seesOtherRecords(viewer)) return referral;
  const {
    personId: _personId,
    hasOtherOpenReferrals: _hasOtherOpenReferrals,
    otherOpenReferrals: _otherOpenReferrals,
    possibleMatch: _possibleMatch,
    ...rest
  } = referral;
  return rest;
}

/** Stored referrals as this viewer may see them; a coordinator also sees which wait on a possible match. */
export async function viewReferrals(
  context: Context,
  viewer: Actor,
  items: ReferralItem[],
): Promise<Referral[]> {
  const now = context.clock.now();
  const referrals = items.map((item) => toReferral(item, now));
  if (!seesOtherRecords(viewer)) return referrals.map((referral) => referralFor(viewer, referral));
  const matches = await pendingMatches(
    context,
    items.map((item) => item.referralId),
  );
  return referrals.map((referral) => {
    const possibleMatch = matches.get(referral.id);
    return possibleMatch ? { ...referral, possibleMatch } : referral;
  });
}

export async function viewReferral(context: Context, viewer: Actor, item: ReferralItem): Promise<Referral> {
  const [referral] = await viewReferrals(context, viewer, [item]);
  if (!referral) throw new Error(`No view of referral ${item.referralId}`);
  return referral;
}
