import type { Referral } from "@linkwork/core/referral/schema";

type ReferralCommand = Referral["allowedActions"][number];

/** Whether the policy lets this user do this to the referral now, so the board offers nothing the API refuses. */
export function referralAllows(referral: Referral, action: ReferralCommand): boolean {
  return referral.allowedActions.includes(action);
}
