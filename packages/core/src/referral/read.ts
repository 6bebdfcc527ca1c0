import { hasRole, type UserActor } from "../actor";
import { type AuditInput, recordAudit } from "../audit/record";
import type { Context } from "../context";
import { Forbidden, NotFound } from "../util/errors";
import { mayOpenRecords, referralAccess } from "./domain/access";
import { type ReferralItem, toReferral } from "./mapper";
import type { NeedDomain, Priority, Referral, ReferralStatus, RiskFlag } from "./schema";

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
  const referral = toReferral(result.data, context.clock.now());
  if (!hasRole(user, "triage_coordinator") || result.data.otherOpenReferralIds.length === 0) return referral;
  return { ...referral, otherOpenReferrals: await stillOpen(context, result.data.otherOpenReferralIds) };
}

/** Which of these referrals are still open now; a coordinator sees them all, so no further audit scope. */
async function stillOpen(context: Context, referralIds: string[]) {
  const found = await context.db.entities.referral
    .get(referralIds.map((referralId) => ({ referralId })))
    .go();
  return found.data
    .filter((item) => !["closed", "withdrawn"].includes(item.status))
    .map((item) => ({
      id: item.referralId,
      reference: item.reference,
      status: item.status,
      receivedAt: item.receivedAt,
    }));
}

export interface ReferralFilters {
  status?: ReferralStatus | undefined;
  priority?: Priority | undefined;
  riskFlag?: RiskFlag | undefined;
  need?: NeedDomain | undefined;
  overdue?: boolean | undefined;
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

type ReferralEntity = Context["db"]["entities"]["referral"];
type WhereCallback = Parameters<ReturnType<ReferralEntity["query"]["byReceived"]>["where"]>[0];

/** The narrowing filters, applied by DynamoDB as it reads the page. */
function narrowing(filters: ReferralFilters, now: Date, withStatus: boolean): WhereCallback {
  return (attributes, { eq, lt, contains }) => {
    const at = now.toISOString();
    const parts: string[] = [];
    if (withStatus && filters.status) parts.push(eq(attributes.status, filters.status));
    if (filters.priority) parts.push(eq(attributes.priority, filters.priority));
    if (filters.riskFlag) parts.push(contains(attributes.riskFlags, filters.riskFlag));
    if (filters.need) parts.push(contains(attributes.needs, filters.need));
    if (filters.overdue) {
      parts.push(
        `((${eq(attributes.status, "received")} AND ${lt(attributes.triageDueAt, at)}) OR ` +
          `(${eq(attributes.status, "allocated")} AND ${lt(attributes.acceptanceDueAt, at)}) OR ` +
          `((${eq(attributes.status, "accepted")} OR ${eq(attributes.status, "assigned")}) AND ${lt(attributes.firstContactDueAt, at)}))`,
      );
    }
    return parts.join(" AND ");
  };
}

/**
 * Picks the index for the caller's relationship: coordinators query by status (priority, then
 * age) or by organisation; organisation staff only their own organisation; everyone else their
 * own referrals, newest first.
 */
async function queryPage(context: Context, user: UserActor, filters: ReferralFilters) {
  const { referral } = context.db.entities;
  const options = { limit: pageSize, cursor: filters.cursor ?? null };
  const { status, organisationId } = filters;
  const now = context.clock.now();

  if (hasRole(user, "triage_coordinator")) {
    if (organisationId) {
      return referral.query
        .byOrganisation(status ? { organisationId, status } : { organisationId })
        .where(narrowing(filters, now, false))
        .go(options);
    }
    if (status)
      return referral.query
        .byStatus({ status })
        .where(narrowing(filters, now, false))
        .go(options);
    return referral.query
      .byReceived({})
      .where(narrowing(filters, now, false))
      .go({ ...options, order: "desc" });
  }
  if (hasRole(user, "org_manager", "link_worker")) {
    if (organisationId && organisationId !== user.organisationId) return { data: [], cursor: null };
    const own = user.organisationId;
    return referral.query
      .byOrganisation(status ? { organisationId: own, status } : { organisationId: own })
      .where(narrowing(filters, now, false))
      .go(options);
  }
  return referral.query
    .byReferrer({ referrerId: user.userId })
    .where(narrowing(filters, now, true))
    .where((attributes, { eq }) => (organisationId ? eq(attributes.organisationId, organisationId) : ""))
    .go({ ...options, order: "desc" });
}
