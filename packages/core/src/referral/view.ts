import type { Actor } from "../actor";
import type { Context } from "../context";
import { pendingMatches } from "../person/possible-match-read";
import { casePolicy, messageBackPolicy, seesOpenEscalations } from "../policy/domain/case-policy";
import { referralPolicy } from "../policy/domain/referral-policy";
import { noRelationships, type Relationships } from "../policy/domain/relationships";
import { seesOtherRecords } from "./domain/access";
import { type ReferralItem, toReferral } from "./mapper";
import type { Referral } from "./schema";

/**
 * What the case beside the referral adds to it, as this viewer may see it: the review date and
 * failed attempts for the case's worker and manager, where it is escalated for them and triage
 * coordinators too, the closure summary for whoever reads the message back.
 */
function withCaseFieldsFor(viewer: Actor, referral: Referral): Referral {
  const { closureSummary, reviewOn, reviewOverdue, failedContactAttempts, openEscalations, ...rest } =
    referral;
  if (viewer.type !== "user") return rest;
  const onCase = casePolicy(viewer, referral).visible;
  return {
    ...rest,
    ...(closureSummary !== undefined && (onCase || messageBackPolicy(viewer, referral).visible)
      ? { closureSummary }
      : {}),
    ...(onCase && reviewOn !== undefined ? { reviewOn, reviewOverdue: reviewOverdue ?? false } : {}),
    ...(onCase && failedContactAttempts !== undefined ? { failedContactAttempts } : {}),
    ...(openEscalations !== undefined && seesOpenEscalations(viewer, referral) ? { openEscalations } : {}),
  };
}

/** The referral as this viewer may see it. */
export function referralFor(viewer: Actor, given: Referral): Referral {
  const referral = withCaseFieldsFor(viewer, given);
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
  return referrals.map((given) => {
    const referral = withCaseFieldsFor(viewer, given);
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
