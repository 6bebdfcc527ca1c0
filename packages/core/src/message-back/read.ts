import type { UserActor } from "../actor";
import { recordAudit } from "../audit/record";
import { auditRefusal } from "../audit/refusal";
import { toRecordedMeasure } from "../casework/case-view";
import type { Context } from "../context";
import { mayEverDo } from "../policy/capability";
import { messageBackPolicy } from "../policy/domain/case-policy";
import type { ReferralItem } from "../referral/mapper";
import { Forbidden, NotFound } from "../util/errors";
import { buildMessageBack, type MessageBackNames } from "./build";
import type { MessageBack } from "./schema";

const action = "message_back.read";

/**
 * The message back for a closed referral, for those it is written to and those who wrote it: the
 * referrer of their own referral, the case's link worker and manager, and triage coordinators.
 * Anyone else, an open referral and an id that names nothing are all "not found"; a role that may
 * never read one (a commissioner) is refused outright. Every attempt is in the audit trail.
 */
export async function readMessageBack(
  context: Context,
  user: UserActor,
  referralId: string,
): Promise<MessageBack> {
  const subject = { action, subjectType: "referral", subjectId: referralId } as const;
  if (!(await mayEverDo(context, user, "read_message_back"))) {
    const refused = Forbidden("Your role cannot read the message back to the GP");
    await auditRefusal(context, user, subject, refused);
    throw refused;
  }
  const [referral, casework] = await Promise.all([
    context.db.entities.referral.get({ referralId }).go({ consistent: true }),
    context.db.service.collections.casework({ referralId }).go({ pages: "all", consistent: true }),
  ]);
  const item = referral.data;
  const access = item ? messageBackPolicy(user, item) : { visible: false };
  if (!item || !access.visible || !item.closedAt || !item.closureReason) {
    const refused = NotFound("The message back");
    await auditRefusal(context, user, subject, refused);
    throw refused;
  }
  const names = await namesFor(context, item);
  const now = context.clock.now();
  await recordAudit(context, [
    { actor: user, ...subject, purpose: access.purpose ?? "Message back", outcome: "granted", at: now },
  ]);
  const { caseRecord, caseContact, caseMeasure, caseConnection, caseEscalation } = casework.data;
  return buildMessageBack(
    { ...item, closedAt: item.closedAt, closureReason: item.closureReason },
    {
      contacts: caseContact,
      goals: caseRecord[0]?.plan.goals ?? [],
      connections: caseConnection,
      measures: caseMeasure.map(toRecordedMeasure),
      escalations: caseEscalation,
    },
    names,
    now,
  );
}

/** Who referred and who held the case, by name as they are now. */
async function namesFor(context: Context, item: ReferralItem): Promise<MessageBackNames> {
  const { user, organisation } = context.db.entities;
  const [referrer, referrerOrganisation, provider] = await Promise.all([
    item.referrerId ? user.get({ userId: item.referrerId }).go() : undefined,
    item.referrerOrganisationId
      ? organisation.get({ organisationId: item.referrerOrganisationId }).go()
      : undefined,
    item.organisationId ? organisation.get({ organisationId: item.organisationId }).go() : undefined,
  ]);
  const referrerName = referrer?.data?.name;
  const referrerOrganisationName = referrerOrganisation?.data?.name;
  return {
    ...(referrerName || referrerOrganisationName
      ? {
          referrer: {
            ...(referrerName ? { name: referrerName } : {}),
            ...(referrerOrganisationName ? { organisationName: referrerOrganisationName } : {}),
          },
        }
      : {}),
    ...(provider?.data
      ? { organisation: { id: provider.data.organisationId, name: provider.data.name } }
      : {}),
    ...(item.assignedToName ? { linkWorkerName: item.assignedToName } : {}),
  };
}
