import type { UserActor } from "../actor";
import { toAuditItem } from "../audit/record";
import type { Context } from "../context";
import { transactWrite } from "../db/transact";
import { conditionFailedAt, isTransientCancellation } from "../db/transaction";
import { createEvent, toOutboxItem } from "../event/outbox";
import type { Referral } from "../referral/schema";
import { viewReferral } from "../referral/view";
import { referralUpdate } from "../referral/write";
import { InvalidTransition, VersionConflict } from "../util/errors";
import { latestVersion, loadPendingMatch } from "./pending-match";

/**
 * A coordinator says the referral is not about the person already known: it keeps the record it
 * was given when it arrived, and the known person's record stays as it was.
 */
export async function splitPossibleMatch(
  context: Context,
  user: UserActor,
  referralId: string,
  version: number,
): Promise<Referral> {
  for (let attempt = 1; ; attempt++) {
    const split = await attemptSplit(context, user, referralId, version);
    if (split) return split;
    // Collided with another transaction in flight: nothing was written, so try again.
    if (attempt >= maxAttempts) throw VersionConflict(await latestVersion(context, referralId, version));
  }
}

const maxAttempts = 4;

async function attemptSplit(
  context: Context,
  user: UserActor,
  referralId: string,
  version: number,
): Promise<Referral | undefined> {
  const { referral, match } = await loadPendingMatch(context, user, referralId, version);
  const now = context.clock.now();
  const at = now.toISOString();
  const event = createEvent("referral.possible_match_split", {
    actor: user,
    at: now,
    subject: { type: "referral", id: referralId },
    data: { basis: match.basis },
  });
  const splitItem = { ...referral, version: version + 1, updatedAt: at };
  const related = context.db.service.transaction
    .write(({ personMatch, outbox, audit }) => [
      personMatch
        .patch({ referralId })
        .set({ status: "split", resolvedAt: at, resolvedBy: user.userId })
        .where((attributes, { eq }) => eq(attributes.status, "pending"))
        .commit(),
      outbox.create(toOutboxItem(event)).commit(),
      audit
        .create(
          toAuditItem({
            actor: user,
            action: "person.match.split",
            subjectType: "referral",
            subjectId: referralId,
            purpose: "Not the person already known: kept as a person of their own",
            outcome: "granted",
            at: now,
          }),
        )
        .commit(),
    ])
    .params();
  const result = await transactWrite(context, [
    referralUpdate(context, referral, splitItem, { version }),
    ...related.TransactItems,
  ]);
  if (result.canceled) {
    if (isTransientCancellation(result)) return undefined;
    if (conditionFailedAt(result, 1))
      throw InvalidTransition("Someone has already decided about this possible match", version + 1);
    throw VersionConflict(await latestVersion(context, referralId, version + 1));
  }
  return viewReferral(context, user, splitItem);
}
