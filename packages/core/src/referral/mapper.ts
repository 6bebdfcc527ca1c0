import type { EntityItem } from "electrodb";
import { londonDate } from "../calendar/domain/working-days";
import type { Database } from "../db/database";
import { isOverdue, runningTimer } from "./domain/service-levels";
import { openStatuses, type Referral } from "./schema";

export type ReferralItem = EntityItem<Database["entities"]["referral"]>;

/** The stored item as the API and the web app see it: internal keys and sweep bookkeeping stay behind. */
export function toReferral(item: ReferralItem, now: Date): Referral {
  const {
    referralId,
    queueRank: _queueRank,
    sweepState: _sweepState,
    nextSweepAt: _nextSweepAt,
    receivedMonth: _receivedMonth,
    areaId: _areaId,
    triageDueAt,
    acceptanceDueAt,
    firstContactDueAt,
    otherOpenReferralIds,
    ...rest
  } = item;
  const dates = {
    triageDueAt,
    ...(acceptanceDueAt ? { acceptanceDueAt } : {}),
    ...(firstContactDueAt ? { firstContactDueAt } : {}),
  };
  const timer = runningTimer(item, dates);
  return {
    id: referralId,
    ...rest,
    ...(timer
      ? { serviceLevel: { step: timer.kind, dueAt: timer.dueAt, overdue: isOverdue(item, dates, now) } }
      : {}),
    ...(item.reviewOn ? { reviewOverdue: reviewOverdue(item, now) } : {}),
    hasOtherOpenReferrals: otherOpenReferralIds.length > 0,
    // What the caller may do is the viewer's: `viewReferrals` fills it in.
    allowedActions: [],
  };
}

/** A plan's review is overdue once its day has passed in the UK, while the case is still open. */
function reviewOverdue(item: ReferralItem, now: Date): boolean {
  return item.reviewOn !== undefined && openStatuses.includes(item.status) && item.reviewOn < londonDate(now);
}
