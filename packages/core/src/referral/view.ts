import type { Actor } from "../actor";
import type { Context } from "../context";
import { pendingMatches } from "../person/possible-match-read";
import { referralPolicy } from "../policy/domain/referral-policy";
import { noRelationships, type Relationships } from "../policy/domain/relationships";
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

/** What the policy lets this viewer do to the referral now; nothing for anyone but a user. */
function allowedActionsFor(viewer: Actor, item: ReferralItem, relationships: Relationships) {
  return viewer.type === "user" ? referralPolicy(viewer, item, relationships).allowedActions : [];
}

/**
 * Stored referrals as this viewer may see them, each with what they may do to it; a coordinator
 * also sees which wait on a possible match. Relationships beyond the referral's own fields (an
 * agenda listing) count where the caller loaded them.
 */
export async function viewReferrals(
  context: Context,
  viewer: Actor,
  items: ReferralItem[],
  relationshipsOf: (item: ReferralItem) => Relationships = () => noRelationships,
): Promise<Referral[]> {
  const now = context.clock.now();
  const referrals = items.map((item) => ({
    ...toReferral(item, now),
    allowedActions: allowedActionsFor(viewer, item, relationshipsOf(item)),
  }));
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

export async function viewReferral(
  context: Context,
  viewer: Actor,
  item: ReferralItem,
  relationships: Relationships = noRelationships,
): Promise<Referral> {
  const [referral] = await viewReferrals(context, viewer, [item], () => relationships);
  if (!referral) throw new Error(`No view of referral ${item.referralId}`);
  return referral;
}
