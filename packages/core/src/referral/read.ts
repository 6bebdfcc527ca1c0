import { hasRole, type UserActor } from "../actor";
import { type AuditInput, recordAudit } from "../audit/record";
import type { Context } from "../context";
import { Forbidden, NotFound } from "../util/errors";
import { mayOpenRecords, referralAccess } from "./domain/access";
import { type ReferralItem, toReferral } from "./mapper";
import type { Referral, ReferralStatus } from "./schema";

const pageSize = 50;

function audit(user: UserActor, item: ReferralItem, action: string, at: Date): AuditInput {
  const access = referralAccess(user, item);
  return {
    actor: user,
    action,
    subjectType: "referral",
    subjectId: item.referralId,
    purpose: access.allowed ? access.purpose : "No relationship",
    outcome: access.allowed ? "granted" : "denied",
    at,
  };
}

/**
 * Loads a referral the user has a legitimate relationship with. Every attempt is audited,
 * including refusals; a referral outside the relationship is reported as not found.
 */
export async function readReferral(
  context: Context,
  user: UserActor,
  referralId: string,
  action = "referral.read",
): Promise<Referral> {
  if (!mayOpenRecords(user)) throw Forbidden("Your role cannot open a person's record");
  const result = await context.db.entities.referral.get({ referralId }).go({ consistent: true });
  if (!result.data) throw NotFound("The referral");
  const entry = audit(user, result.data, action, context.clock.now());
  await recordAudit(context, [entry]);
  if (entry.outcome === "denied") throw NotFound("The referral");
  return toReferral(result.data, context.clock.now());
}

export interface ReferralFilters {
  status?: ReferralStatus | undefined;
  organisationId?: string | undefined;
  cursor?: string | undefined;
}

/** The referrals the user may see, narrowed by the filters, one page at a time; each read is audited. */
export async function listReferrals(
  context: Context,
  user: UserActor,
  filters: ReferralFilters,
): Promise<{ items: Referral[]; cursor?: string }> {
  if (!mayOpenRecords(user)) throw Forbidden("Your role cannot open people's records");
  const page = await queryPage(context, user, filters);
  const now = context.clock.now();
  const visible = page.data.filter((item) => referralAccess(user, item).allowed);
  await recordAudit(
    context,
    visible.map((item) => audit(user, item, "referral.list", now)),
  );
  return {
    items: visible.map((item) => toReferral(item, now)),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}

async function queryPage(context: Context, user: UserActor, filters: ReferralFilters) {
  const { referral } = context.db.entities;
  const options = { limit: pageSize, cursor: filters.cursor ?? null };
  const { status, organisationId } = filters;

  if (hasRole(user, "triage_coordinator")) {
    if (organisationId) {
      return referral.query
        .byOrganisation(status ? { organisationId, status } : { organisationId })
        .go(options);
    }
    if (status) return referral.query.byStatus({ status }).go(options);
    return referral.query.byReceived({}).go({ ...options, order: "desc" });
  }
  if (hasRole(user, "org_manager", "link_worker")) {
    if (organisationId && organisationId !== user.organisationId) return { data: [], cursor: null };
    const own = user.organisationId;
    return referral.query
      .byOrganisation(status ? { organisationId: own, status } : { organisationId: own })
      .go(options);
  }
  const mine = referral.query.byReferrer({ referrerId: user.userId });
  const narrowed = status ? mine.where((attributes, { eq }) => eq(attributes.status, status)) : mine;
  const scoped = organisationId
    ? narrowed.where((attributes, { eq }) => eq(attributes.organisationId, organisationId))
    : narrowed;
  return scoped.go({ ...options, order: "desc" });
}
