import type { EntityItem } from "electrodb";
import type { UserActor } from "../actor";
import type { Context } from "../context";
import type { Database } from "../db/database";
import { seesOtherRecords } from "../referral/domain/access";
import type { ReferralItem } from "../referral/mapper";
import { Forbidden, InvalidTransition, NotFound, VersionConflict } from "../util/errors";

export type PersonMatchItem = EntityItem<Database["entities"]["personMatch"]>;

/**
 * What confirming or splitting starts from: the referral at the version the coordinator saw, and
 * its possible match still waiting. Only triage coordinators decide whose referral it is.
 */
export async function loadPendingMatch(
  context: Context,
  user: UserActor,
  referralId: string,
  version: number,
): Promise<{ referral: ReferralItem; match: PersonMatchItem }> {
  if (!seesOtherRecords(user)) throw Forbidden("Only triage coordinators decide whose referral it is");
  const { referral, personMatch } = context.db.entities;
  const [found, match] = await Promise.all([
    referral.get({ referralId }).go({ consistent: true }),
    personMatch.get({ referralId }).go({ consistent: true }),
  ]);
  if (!found.data) throw NotFound("The referral");
  if (found.data.version !== version) throw VersionConflict(found.data.version);
  if (!match.data) throw NotFound("A possible match for this referral");
  if (match.data.status !== "pending")
    throw InvalidTransition("Someone has already decided about this possible match", found.data.version);
  return { referral: found.data, match: match.data };
}

/** After a refused decision: the referral's version now, for the 409. */
export async function latestVersion(context: Context, referralId: string, fallback: number): Promise<number> {
  const latest = await context.db.entities.referral.get({ referralId }).go({ consistent: true });
  return latest.data?.version ?? fallback;
}
