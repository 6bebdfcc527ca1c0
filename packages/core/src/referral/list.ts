import { createConversions, ElectroError } from "electrodb";
import { hasRole, type UserActor } from "../actor";
import { areaOf } from "../area/area";
import { recordAudit } from "../audit/record";
import type { Context } from "../context";
import { mayEverDo } from "../policy/capability";
import { linkWorkerQueueStatuses, referralPolicy } from "../policy/domain/referral-policy";
import { noRelationships } from "../policy/domain/relationships";
import { Forbidden } from "../util/errors";
import { createId } from "../util/id";
import { stableStringify } from "../util/stable-json";
import { firstMonthOfRecords, monthOf, previousMonth } from "./domain/months";
import {
  type CursorContent,
  decodeCursor,
  encodeCursor,
  invalidCursor,
  listFingerprint,
} from "./list-cursor";
import type { ReferralItem } from "./mapper";
import { auditOf } from "./read";
import {
  type NeedDomain,
  openStatuses,
  type Priority,
  type Referral,
  type ReferralStatus,
  type RiskFlag,
} from "./schema";
import { viewReferrals } from "./view";

export const pageSize = 50;
/** Items DynamoDB reads per request while a page fills; a filter may keep few of them. */
const readAhead = 100;

export interface ReferralFilters {
  status?: ReferralStatus | undefined;
  priority?: Priority | undefined;
  riskFlag?: RiskFlag | undefined;
  need?: NeedDomain | undefined;
  overdue?: boolean | undefined;
  organisationId?: string | undefined;
  cursor?: string | undefined;
}

type ReferralEntity = Context["db"]["entities"]["referral"];
type WhereCallback = Parameters<ReturnType<ReferralEntity["query"]["byReceived"]>["where"]>[0];
type AccessPattern = "byStatus" | "byOrganisation" | "byReferrer" | "byAssignee" | "byReceived";
type Fetch = (
  month: string | undefined,
  cursor: string | null,
) => Promise<{ data: ReferralItem[]; cursor: string | null }>;

/** How one caller's list is read: the index scoped to them, and whether it is walked month by month. */
interface ListPlan {
  accessPattern: AccessPattern;
  monthly: boolean;
  fetch: Fetch;
}

/**
 * The referrals the user may see, narrowed by the filters, one full page at a time: the index is
 * chosen (and filtered in DynamoDB) so that everything it returns is theirs to see, and a page is
 * read until it is full or the list ends, so a cursor never leads to an empty page. The search and
 * every referral shown are audited.
 */
export async function listReferrals(
  context: Context,
  user: UserActor,
  filters: ReferralFilters,
): Promise<{ items: Referral[]; cursor?: string }> {
  if (!(await mayEverDo(context, user, "read"))) throw Forbidden("Your role cannot open people's records");
  const plan = planFor(context, user, filters);
  const { cursor, ...narrowing } = filters;
  const list = listFingerprint({ user: user.userId, index: plan.accessPattern, narrowing });
  const page = await readPage(context, plan, list, decodeCursor(cursor, list));
  const now = context.clock.now();
  // Each index is scoped to the caller's plain relationships; the policy guards against a plan that is not.
  const visible = page.items.filter((item) => referralPolicy(user, item, noRelationships).visible);
  await recordAudit(context, [
    {
      actor: user,
      action: "referral.search",
      subjectType: "search",
      subjectId: createId("audit", now).replace(/^aud_/, "search_"),
      purpose: `Listed referrals: ${stableStringify(narrowing)}${cursor ? " (next page)" : ""}`,
      outcome: "granted",
      at: now,
    },
    ...visible.map((item) => auditOf(user, item, "referral.list", now)),
  ]);
  return {
    items: await viewReferrals(context, user, visible),
    ...(page.next ? { cursor: encodeCursor(page.next) } : {}),
  };
}

async function readPage(
  context: Context,
  plan: ListPlan,
  list: string,
  start: CursorContent | undefined,
): Promise<{ items: ReferralItem[]; next?: CursorContent }> {
  const { referral } = context.db.entities;
  const found: { item: ReferralItem; month: string | undefined }[] = [];
  const thisMonth = monthOf(context.clock.now());
  // A cursor is the client's to send back: one naming a month no list reaches is not from us.
  if (start?.month && (start.month > thisMonth || start.month < firstMonthOfRecords)) throw invalidCursor();
  let month = plan.monthly ? (start?.month ?? thisMonth) : undefined;
  let cursor = start?.keys ? electroCursor(referral, start.keys) : null;
  for (;;) {
    const page = await fetchFrom(plan, month, cursor);
    found.push(...page.data.map((item) => ({ item, month })));
    if (found.length > pageSize) {
      const last = found[pageSize - 1] as (typeof found)[number];
      return {
        items: found.slice(0, pageSize).map((entry) => entry.item),
        next: {
          list,
          ...(last.month ? { month: last.month } : {}),
          keys: keysOf(referral, plan.accessPattern, last.item),
        },
      };
    }
    if (page.cursor) cursor = page.cursor;
    else if (month && month > firstMonthOfRecords) {
      month = previousMonth(month);
      cursor = null;
    } else return { items: found.map((entry) => entry.item) };
  }
}

/** A cursor whose keys do not belong to this list's index or partition is the client's mistake. */
async function fetchFrom(plan: ListPlan, month: string | undefined, cursor: string | null) {
  try {
    return await plan.fetch(month, cursor);
  } catch (error) {
    if (cursor && isRejectedStartKey(error)) throw invalidCursor();
    throw error;
  }
}

/** DynamoDB refuses an ExclusiveStartKey outside the queried partition as a ValidationException. */
function isRejectedStartKey(error: unknown): boolean {
  return (
    error instanceof ElectroError &&
    (error.cause as { name?: string } | undefined)?.name === "ValidationException"
  );
}

function electroCursor(referral: ReferralEntity, keys: Record<string, string>): string {
  try {
    return createConversions(referral).fromKeys.toCursor(keys);
  } catch {
    throw invalidCursor();
  }
}

/** The keys of an item in the index a list reads: where its next page starts. */
function keysOf(referral: ReferralEntity, accessPattern: AccessPattern, item: ReferralItem) {
  const stored = referral.put(item).params().Item as Record<string, string>;
  const index = {
    byStatus: "gsi1",
    byOrganisation: "gsi2",
    byReferrer: "gsi3",
    byAssignee: "gsi4",
    byReceived: "gsi5",
  }[accessPattern];
  const names = ["pk", "sk", `${index}pk`, `${index}sk`];
  return Object.fromEntries(names.map((name) => [name, String(stored[name])]));
}

/**
 * Picks the index for the caller's relationship: coordinators the area's status queue (priority,
 * then age), an organisation, or everything received, newest first; organisation staff only their
 * own organisation (a link worker: its queues and their own cases); anyone else their own referrals.
 */
function planFor(context: Context, user: UserActor, filters: ReferralFilters): ListPlan {
  const { referral } = context.db.entities;
  const { status, organisationId } = filters;
  const now = context.clock.now();
  const areaId = areaOf(context);
  const options = (cursor: string | null) => ({ cursor, limit: readAhead });
  const plan = (accessPattern: AccessPattern, fetch: Fetch, monthly = false): ListPlan => ({
    accessPattern,
    monthly,
    fetch,
  });
  const nothing = plan("byAssignee", async () => ({ data: [], cursor: null }));

  if (hasRole(user, "triage_coordinator")) {
    if (organisationId) {
      return plan("byOrganisation", (_month, cursor) =>
        referral.query
          .byOrganisation(
            status ? { organisationKey: organisationId, status } : { organisationKey: organisationId },
          )
          .where(narrowing(filters, now, false))
          .go(options(cursor)),
      );
    }
    if (status && openStatuses.includes(status)) {
      return plan("byStatus", (_month, cursor) =>
        referral.query
          .byStatus({ areaId, status })
          .where(narrowing(filters, now, false))
          .go(options(cursor)),
      );
    }
    return plan(
      "byReceived",
      (month, cursor) =>
        referral.query
          .byReceived({ areaId, receivedMonth: month ?? monthOf(now) })
          .where(narrowing(filters, now, true))
          .go({ ...options(cursor), order: "desc" }),
      true,
    );
  }
  if (hasRole(user, "org_manager", "link_worker")) {
    if (organisationId && organisationId !== user.organisationId) return nothing;
    const own = user.organisationId;
    if (hasRole(user, "org_manager") || (status && linkWorkerQueueStatuses.includes(status))) {
      return plan("byOrganisation", (_month, cursor) =>
        referral.query
          .byOrganisation(status ? { organisationKey: own, status } : { organisationKey: own })
          .where(narrowing(filters, now, false))
          .go(options(cursor)),
      );
    }
    if (status) {
      return plan("byAssignee", (_month, cursor) =>
        referral.query
          .byAssignee({ assigneeKey: user.userId, status })
          .where(narrowing(filters, now, false))
          .go(options(cursor)),
      );
    }
    return plan("byOrganisation", (_month, cursor) =>
      referral.query
        .byOrganisation({ organisationKey: own })
        .where(narrowing(filters, now, false))
        .where(
          (attributes, { eq }) =>
            `(${linkWorkerQueueStatuses.map((queued) => eq(attributes.status, queued)).join(" OR ")} OR ${eq(attributes.assignedTo, user.userId)})`,
        )
        .go(options(cursor)),
    );
  }
  return plan("byReferrer", (_month, cursor) =>
    referral.query
      .byReferrer({ referrerKey: user.userId })
      .where(narrowing(filters, now, true))
      .where((attributes, { eq }) => (organisationId ? eq(attributes.organisationId, organisationId) : ""))
      .go({ ...options(cursor), order: "desc" }),
  );
}

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
