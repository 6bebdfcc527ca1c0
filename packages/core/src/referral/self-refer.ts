import { type Actor, actorId } from "../actor";
import type { Context } from "../context";
import { consumeRateLimit } from "../rate-limit/consume";
import type { SlidingWindow } from "../rate-limit/domain/sliding-window";
import { receiveReferral } from "./receive";
import type { SelfReferralCreate } from "./schema";

/** Five self-referrals per caller in any quarter hour is generous for a person and stops a flood. */
export const selfReferralLimit: SlidingWindow = { limit: 5, windowSeconds: 15 * 60 };

const publicActor: Extract<Actor, { type: "public" }> = { type: "public" };

export interface SelfReferralCaller {
  sourceIp: string;
  /** The client's name for this attempt, so a retry returns the first answer instead of a second referral. */
  idempotencyKey?: string | undefined;
}

/**
 * A person refers themselves: no sign-in, rate limited by where the request came from. A retry
 * with the same Idempotency-Key and answers returns the first reference and does not count
 * against the limit again; the same key with other answers is refused as a conflict.
 */
export async function selfRefer(
  context: Context,
  input: SelfReferralCreate,
  caller: SelfReferralCaller,
): Promise<{ reference: string }> {
  const idempotencyKey = caller.idempotencyKey
    ? callerScopedKey(caller.sourceIp, caller.idempotencyKey)
    : undefined;
  if (!idempotencyKey || !(await alreadyUsed(context, idempotencyKey))) {
    await consumeRateLimit(context, `self-referral#${caller.sourceIp}`, selfReferralLimit);
  }
  const { referral } = await receiveReferral(
    context,
    publicActor,
    { ...input, source: "self", riskFlags: [] },
    idempotencyKey ? { idempotencyKey } : {},
  );
  return { reference: referral.reference };
}

/**
 * Every anonymous caller is the same actor ("public"), so a key alone would let one person's key
 * meet another's: a careless client's "1" would refuse the next person to choose it, or tell them
 * it was used. Keys are therefore kept per source address, as the rate limit is. A retry from
 * another network is not recognised and counts as a new self-referral: the safe way to fail.
 */
function callerScopedKey(sourceIp: string, key: string): string {
  return `${sourceIp} ${key}`;
}

/** Whether this key was already used; receiveReferral then replays it or refuses other answers. */
async function alreadyUsed(context: Context, key: string): Promise<boolean> {
  const record = await context.db.entities.idempotency
    .get({ scope: actorId(publicActor), key })
    .go({ consistent: true });
  return Boolean(record.data);
}
