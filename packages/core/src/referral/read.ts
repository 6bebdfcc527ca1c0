import type { UserActor } from "../actor";
import { type AuditInput, recordAudit } from "../audit/record";
import { auditRefusal } from "../audit/refusal";
import type { Context } from "../context";
import { mayEverDo } from "../policy/capability";
import { referralPolicy } from "../policy/domain/referral-policy";
import { noRelationships, type Relationships } from "../policy/domain/relationships";
import { referralRelationships } from "../policy/referral-relationships";
import { Forbidden, NotFound } from "../util/errors";
import { seesOtherRecords } from "./domain/access";
import type { ReferralItem } from "./mapper";
import { openStatuses, type Referral } from "./schema";
import { viewReferral } from "./view";

export function auditOf(
  user: UserActor,
  item: ReferralItem,
  action: string,
  at: Date,
  relationships: Relationships = noRelationships,
): AuditInput {
  const access = referralPolicy(user, item, relationships);
  return {
    actor: user,
    action,
    subjectType: "referral",
    subjectId: item.referralId,
    purpose: access.visible ? (access.purpose ?? "Legitimate relationship") : "No relationship",
    outcome: access.visible ? "granted" : "denied",
    at,
  };
}

/**
 * Loads a referral the user has a legitimate relationship with. Every attempt is audited, a
 * refusal and an id that names nothing included, so both cost the same read and write and the
 * answer's timing cannot tell them apart: each is reported as not found. Who may see it is the
 * authorisation policy's: an MDT member's agenda listing is looked up only for someone it could help.
 */
export async function readReferral(
  context: Context,
  user: UserActor,
  referralId: string,
  action = "referral.read",
): Promise<Referral> {
  if (!(await mayEverDo(context, user, "read"))) {
    const refused = Forbidden("Your role cannot open a person's record");
    await auditRefusal(context, user, { action, subjectType: "referral", subjectId: referralId }, refused);
    throw refused;
  }
  const result = await context.db.entities.referral.get({ referralId }).go({ consistent: true });
  const now = context.clock.now();
  const item = result.data;
  const relationships = await referralRelationships(context, user, referralId, item, "read");
  const entry: AuditInput = item
    ? auditOf(user, item, action, now, relationships)
    : {
        actor: user,
        action,
        subjectType: "referral",
        subjectId: referralId,
        purpose: "No such referral",
        outcome: "denied",
        at: now,
      };
  const others =
    item && entry.outcome === "granted" && seesOtherRecords(user)
      ? await stillOpen(context, item.otherOpenReferralIds)
      : [];
  await recordAudit(context, [
    entry,
    ...others.map((other) => ({
      actor: user,
      action: "referral.other_open",
      subjectType: "referral" as const,
      subjectId: other.id,
      purpose: `Same person's open referral, shown with ${referralId}`,
      outcome: "granted" as const,
      at: now,
    })),
  ]);
  if (!item || entry.outcome === "denied") {
    const refused = NotFound("The referral");
    refused.audited = true;
    throw refused;
  }
  const referral = await viewReferral(context, user, item, relationships);
  return others.length > 0 ? { ...referral, otherOpenReferrals: others } : referral;
}

/** Which of the person's other referrals are still open now. */
async function stillOpen(context: Context, referralIds: string[]) {
  if (referralIds.length === 0) return [];
  const found = await context.db.entities.referral
    .get(referralIds.map((referralId) => ({ referralId })))
    .go();
  return found.data
    .filter((item) => openStatuses.includes(item.status))
    .map((item) => ({
      id: item.referralId,
      reference: item.reference,
      status: item.status,
      receivedAt: item.receivedAt,
    }));
}
