import { hasRole, type UserActor } from "../actor";
import { areaOf } from "../area/area";
import { type AuditInput, recordAudit } from "../audit/record";
import type { Context } from "../context";
import { answersEscalationQueue } from "../policy/domain/case-policy";
import { referralPolicy } from "../policy/domain/referral-policy";
import { noRelationships } from "../policy/domain/relationships";
import type { ReferralItem } from "../referral/mapper";
import { Forbidden } from "../util/errors";
import type { CaseEscalationItem } from "./load-case";
import type { EscalationQueue } from "./schema";

const auditAction = "escalation.queue.read";

/**
 * The open escalations a user answers, oldest first: a triage coordinator the whole area's, an
 * organisation manager those on their organisation's cases. Each item names the person only where
 * the referral policy shows the user that person, and every such name shown is audited.
 */
export async function listEscalations(context: Context, user: UserActor): Promise<EscalationQueue> {
  const coordinator = answersEscalationQueue(user);
  if (!coordinator && !hasRole(user, "org_manager")) {
    throw Forbidden("Only triage coordinators and organisation managers have an escalation queue");
  }
  const queued = await context.db.entities.openEscalation.query
    .byArea({ areaId: areaOf(context) })
    .where((attributes, { notExists }) => notExists(attributes.resolvedAt))
    .go({ pages: "all" });
  // Once each: BatchGetItem refuses a list that names a key twice, and a referral may have several.
  const referralIds = [...new Set(queued.data.map((item) => item.referralId))];
  const found =
    referralIds.length > 0
      ? (await context.db.entities.referral.get(referralIds.map((referralId) => ({ referralId }))).go()).data
      : [];
  const referrals = new Map<string, ReferralItem>(found.map((item) => [item.referralId, item]));
  const escalations = await caseEscalationsOf(context, queued.data);
  const ownOrganisation = (referral: ReferralItem | undefined) =>
    hasRole(user, "org_manager") && referral?.organisationId === user.organisationId;

  const now = context.clock.now();
  const audits: AuditInput[] = [];
  const items: EscalationQueue["items"] = [];
  for (const item of queued.data) {
    const referral = referrals.get(item.referralId);
    // The case's own escalation carries the version a resolution is conditional on.
    const escalation = escalations.get(escalationKey(item));
    if (escalation?.status !== "open") continue;
    if (!coordinator && !ownOrganisation(referral)) continue;
    const access = referral ? referralPolicy(user, referral, noRelationships) : undefined;
    const personName =
      referral && access?.visible ? `${referral.person.givenName} ${referral.person.familyName}` : undefined;
    if (referral && personName && access?.visible) {
      audits.push({
        actor: user,
        action: auditAction,
        subjectType: "referral",
        subjectId: referral.referralId,
        purpose: access.purpose ?? "Escalation queue",
        outcome: "granted",
        at: now,
      });
    }
    items.push({
      escalationId: item.escalationId,
      version: escalation.version,
      referralId: item.referralId,
      reference: item.reference,
      to: item.to,
      raisedAt: item.raisedAt,
      ...(item.raisedByName !== undefined ? { raisedByName: item.raisedByName } : {}),
      ...(personName !== undefined ? { personName } : {}),
      ...(referral?.organisationId !== undefined ? { organisationId: referral.organisationId } : {}),
      // The concern is raised for those who answer the queue to act on: they read it with the person.
      ...(personName !== undefined && escalation.note ? { note: escalation.note } : {}),
    });
  }
  await recordAudit(context, audits);
  return { items };
}

interface QueueKey {
  referralId: string;
  escalationId: string;
}

const escalationKey = (key: QueueKey) => `${key.referralId}#${key.escalationId}`;

/** The escalations on the cases, read in one batch: the queue item holds no version of its own. */
async function caseEscalationsOf(context: Context, queued: QueueKey[]) {
  // BatchGetItem refuses a list with a key twice (a 500), so each key goes in once.
  const unique = new Map(
    queued.map(({ referralId, escalationId }) => [
      escalationKey({ referralId, escalationId }),
      { referralId, escalationId },
    ]),
  );
  const keys = [...unique.values()];
  const stored =
    keys.length > 0 ? (await context.db.entities.caseEscalation.get(keys).go({ consistent: true })).data : [];
  return new Map<string, CaseEscalationItem>(stored.map((item) => [escalationKey(item), item]));
}
