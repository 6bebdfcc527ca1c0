import { areaOf } from "../area/area";
import type { Context } from "../context";
import { transactWrite } from "../db/transact";
import { isConditionalCheckFailure } from "../db/transaction";
import { createEvent, toOutboxItem } from "../event/outbox";
import { type AreaTimers, areaTimers } from "../settings/service-levels";
import { isAppError } from "../util/errors";
import { dueDates, type ServiceLevelFacts, sweepAction } from "./domain/service-levels";
import type { ReferralItem } from "./mapper";
import { scheduleFields } from "./schedule";
import { transitionReferral } from "./transition";
import { referralUpdate } from "./write";

const sweeper = { type: "system", name: "service-level-sweep" } as const;

export interface SweepResult {
  expired: string[];
  breached: string[];
}

/**
 * Looks at every referral whose timer has run out: an allocation not accepted in time returns to
 * triage; a missed triage or first contact is recorded once, as an event, and shows as overdue.
 * Runs on a schedule in AWS and on an interval locally; running twice does no harm.
 */
export async function sweepServiceLevels(context: Context): Promise<SweepResult> {
  const now = context.clock.now();
  const due = await context.db.entities.referral.query
    .byNextSweep({ areaId: areaOf(context), sweepState: "due" })
    .lte({ nextSweepAt: now.toISOString() })
    .go({ pages: "all" });
  const result: SweepResult = { expired: [], breached: [] };
  const timers = await areaTimers(context);
  for (const item of due.data) {
    const action = sweepAction(item, dueDates(item, timers.serviceLevels, timers.calendar), now);
    try {
      if (action.type === "expire_allocation") {
        await transitionReferral(context, sweeper, item.referralId, item.version, {
          type: "expire_allocation",
        });
        result.expired.push(item.referralId);
      } else if (action.type === "breach") {
        await recordBreach(context, timers, item, action.kind, action.dueAt);
        result.breached.push(item.referralId);
      } else {
        await reschedule(context, timers, item, item.breaches);
      }
    } catch (error) {
      // Someone changed the referral while we looked: the next sweep sees its new state.
      if (!isAppError(error) && !isConditionFailure(error)) throw error;
    }
  }
  return result;
}

/**
 * Records a missed step once, with its event. The sweep owns the breaches and its own schedule:
 * it writes only those, under the condition that the referral is still in the state and timer it
 * looked at, so it never writes back fields a transition changed, and a transition (which leaves
 * these fields alone unless it changes them) never writes back the breaches it read before them.
 */
async function recordBreach(
  context: Context,
  timers: AreaTimers,
  item: ReferralItem,
  kind: "triage" | "first_contact",
  dueAt: string,
) {
  const now = context.clock.now();
  const breaches = [...item.breaches, kind];
  const event =
    kind === "triage"
      ? createEvent("referral.triage_overdue", {
          actor: sweeper,
          at: now,
          subject: { type: "referral", id: item.referralId },
          data: { dueAt },
        })
      : createEvent("referral.first_contact_overdue", {
          actor: sweeper,
          at: now,
          subject: { type: "referral", id: item.referralId },
          data: { dueAt, ...(item.assignedTo ? { linkWorkerId: item.assignedTo } : {}) },
        });
  const rescheduled = { ...item, breaches, ...scheduleFields({ ...item, breaches }, timers) };
  const outbox = context.db.service.transaction
    .write(({ outbox }) => [outbox.create(toOutboxItem(event)).commit()])
    .params();
  const result = await transactWrite(context, [
    referralUpdate(context, item, rescheduled, sweepCondition(item)),
    ...outbox.TransactItems,
  ]);
  if (result.canceled) throw new ConditionFailure();
}

async function reschedule(
  context: Context,
  timers: AreaTimers,
  item: ReferralItem,
  breaches: ServiceLevelFacts["breaches"],
) {
  const rescheduled = { ...item, ...scheduleFields({ ...item, breaches }, timers) };
  if (rescheduled.nextSweepAt === item.nextSweepAt && rescheduled.sweepState === item.sweepState) return;
  const result = await transactWrite(context, [
    referralUpdate(context, item, rescheduled, sweepCondition(item)),
  ]);
  if (result.canceled) throw new ConditionFailure();
}

/**
 * The state the sweep decided from: its status and the timer it looked at. A transition changes
 * the status and a recorded breach the timer, so either makes this write stand down, and the
 * next sweep decides again from what is there then.
 */
function sweepCondition(item: ReferralItem) {
  return { status: item.status, nextSweepAt: item.nextSweepAt };
}

class ConditionFailure extends Error {}

function isConditionFailure(error: unknown): boolean {
  return error instanceof ConditionFailure || isConditionalCheckFailure(error);
}
