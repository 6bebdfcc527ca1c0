import { hasRole, type UserActor } from "../actor";
import { areaOf } from "../area/area";
import type { Context } from "../context";
import { linkWorkerQueueStatuses } from "../policy/domain/referral-policy";
import { firstMonthOfRecords, monthOf, previousMonth } from "../referral/domain/months";
import type { ReferralItem } from "../referral/mapper";
import { finishedStatuses, openStatuses } from "../referral/schema";

type Page = { data: ReferralItem[]; cursor: string | null; read?: number };
/** One set of referrals the caller may see, read a page at a time from the index that holds it. */
type Source = (cursor: string | null) => Promise<Page>;

/** Items DynamoDB reads per request: each request costs the same whatever the search keeps. */
const pageSize = 200;
/** Referrals one search may read (about 5 MB, 12 full pages), and requests it may make. */
export const readBudget = 2_400;
const requestBudget = 40;
/** How far back a coordinator's search reaches into finished referrals; open ones are all in the triage queue. */
export const finishedMonthsSearched = 12;

/**
 * The sets of referrals the caller has a relationship with, each from the index scoped to it,
 * most useful first: a coordinator's whole triage queue (every open referral of the area), then
 * the area's finished referrals month by month, newest first; a manager's organisation; a link
 * worker's own cases in any status, then their organisation's queues; a referrer's own
 * referrals, newest first. Someone with several roles gets each set.
 */
export function sourcesFor(context: Context, user: UserActor): Source[] {
  const { referral } = context.db.entities;
  const areaId = areaOf(context);
  const options = (cursor: string | null) => ({ cursor, limit: pageSize });
  const sources: Source[] = [];
  if (hasRole(user, "triage_coordinator")) {
    for (const status of openStatuses) {
      sources.push((cursor) => referral.query.byStatus({ areaId, status }).go(options(cursor)));
    }
    for (const month of monthsBack(monthOf(context.clock.now()), finishedMonthsSearched)) {
      // Filtered here, not by DynamoDB, so each page says how many items the search has read.
      sources.push(async (cursor) => {
        const page = await referral.query
          .byReceived({ areaId, receivedMonth: month })
          .go({ ...options(cursor), order: "desc" });
        return {
          data: page.data.filter((item) => finishedStatuses.includes(item.status)),
          read: page.data.length,
          cursor: page.cursor,
        };
      });
    }
    // Nothing in the area is outside a coordinator's triage queue and the finished months.
    return sources;
  }
  if (hasRole(user, "org_manager")) {
    sources.push((cursor) =>
      referral.query.byOrganisation({ organisationKey: user.organisationId }).go(options(cursor)),
    );
  }
  if (hasRole(user, "link_worker")) {
    sources.push((cursor) => referral.query.byAssignee({ assigneeKey: user.userId }).go(options(cursor)));
    if (!hasRole(user, "org_manager")) {
      for (const status of linkWorkerQueueStatuses) {
        sources.push((cursor) =>
          referral.query.byOrganisation({ organisationKey: user.organisationId, status }).go(options(cursor)),
        );
      }
    }
  }
  if (hasRole(user, "referrer", "mdt_member")) {
    sources.push((cursor) =>
      referral.query.byReferrer({ referrerKey: user.userId }).go({ ...options(cursor), order: "desc" }),
    );
  }
  return sources;
}

function monthsBack(from: string, count: number): string[] {
  const months: string[] = [];
  for (
    let month = from;
    months.length < count && month >= firstMonthOfRecords;
    month = previousMonth(month)
  ) {
    months.push(month);
  }
  return months;
}

/**
 * Reads the sources in order, keeping what `keep` accepts, until every source is read, `enough`
 * says the search has what it asked for, or the budget is spent: then `complete` is false.
 */
export async function readSources(
  sources: readonly Source[],
  keep: (item: ReferralItem) => boolean,
  enough: (kept: readonly ReferralItem[]) => boolean,
): Promise<{ items: ReferralItem[]; complete: boolean }> {
  const kept = new Map<string, ReferralItem>();
  let requests = 0;
  let read = 0;
  for (const source of sources) {
    let cursor: string | null = null;
    do {
      if (requests >= requestBudget || read >= readBudget)
        return { items: [...kept.values()], complete: false };
      requests++;
      const page: Page = await source(cursor);
      read += page.read ?? page.data.length;
      for (const item of page.data) if (keep(item)) kept.set(item.referralId, item);
      if (enough([...kept.values()])) return { items: [...kept.values()], complete: true };
      cursor = page.cursor;
    } while (cursor);
  }
  return { items: [...kept.values()], complete: true };
}
