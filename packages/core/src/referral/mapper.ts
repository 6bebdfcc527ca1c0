import type { EntityItem } from "electrodb";
import type { Database } from "../db/database";
import { isOverdue, runningTimer } from "./domain/service-levels";
import type { Referral } from "./schema";

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
    hasOtherOpenReferrals: otherOpenReferralIds.length > 0,
    // What the caller may do is the viewer's: `viewReferrals` fills it in.
    allowedActions: [],
  };
}
