import type { Context } from "../context";
import { consumeRateLimit } from "../rate-limit/consume";
import { receiveReferral } from "./receive";
import type { SelfReferralCreate } from "./schema";

/** Five self-referrals per caller per quarter hour is generous for a person and stops a flood. */
export const selfReferralLimit = { requests: 5, windowSeconds: 15 * 60 };

/** A person refers themselves: no sign-in, rate limited by where the request came from. */
export async function selfRefer(
  context: Context,
  input: SelfReferralCreate,
  caller: { sourceIp: string },
): Promise<{ reference: string }> {
  await consumeRateLimit(
    context,
    `self-referral#${caller.sourceIp}`,
    selfReferralLimit.requests,
    selfReferralLimit.windowSeconds,
  );
  const { referral } = await receiveReferral(
    context,
    { type: "public" },
    { ...input, source: "self", riskFlags: [] },
  );
  return { reference: referral.reference };
}
