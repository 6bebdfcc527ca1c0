import type { Context } from "../context";
import type { ReferralItem } from "../referral/mapper";

/**
 * The open referrals of the person who holds this NHS number, straight from the number's claim
 * and the person's record (three reads whatever the caller's lists hold); which of them the caller
 * may see is the policy's to say.
 */
export async function openReferralsOfNhsNumber(context: Context, nhsNumber: string): Promise<ReferralItem[]> {
  const { personNhsNumber, person, referral } = context.db.entities;
  const claim = await personNhsNumber.get({ nhsNumber }).go();
  if (!claim.data) return [];
  const record = await person.get({ personId: claim.data.personId }).go();
  const referralIds = [...(record.data?.openReferralIds ?? [])];
  if (referralIds.length === 0) return [];
  const found = await referral.get(referralIds.map((referralId) => ({ referralId }))).go();
  return found.data;
}
