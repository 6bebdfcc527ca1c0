import type { Context } from "../context";
import { isConditionalCheckFailure } from "../db/transaction";
import { createEvent, toOutboxItem } from "../event/outbox";
import { areaTimers } from "../settings/service-levels";
import { isAppError } from "../util/errors";
import { dueDates, type ServiceLevelFacts, sweepAction } from "./domain/service-levels";
import type { ReferralItem } from "./mapper";
import { scheduleFields } from "./schedule";
import { transitionReferral } from "./transition";

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
    .byNextSweep({ sweepState: "due" })
    .lte({ nextSweepAt: now.toISOString() })
    .go({ pages: "all" });
  const result: SweepResult = { expired: [], breached: [] };
  for (const item of due.data) {
    const timers = await areaTimers(context);
    const action = sweepAction(item, dueDates(item, timers.serviceLevels, timers.calendar), now);
    try {
      if (action.type === "expire_allocation") {
        await transitionReferral(context, sweeper, item.referralId, item.version, {
          type: "expire_allocation",
        });
        result.expired.push(item.referralId);
      } else if (action.type === "breach") {
        await recordBreach(context, item, action.kind, action.dueAt);
        result.breached.push(item.referralId);
      } else {
        await reschedule(context, item, item.breaches);
      }
    } catch (error) {
      // Someone changed the referral while we looked: the next sweep sees its new state.
      if (!isAppError(error) && !isConditionFailure(error)) throw error;
    }
  }
  return result;
}

async function recordBreach(
  context: Context,
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
  const timers = await areaTimers(context);
  const rescheduled = { ...item, breaches, ...scheduleFields({ ...item, breaches }, timers) };
  const result = await context.db.service.transaction
    .write(({ referral, outbox }) => [
      referral
        .put(rescheduled)
        .where((attributes, { eq }) => eq(attributes.version, item.version))
        .commit(),
      outbox.create(toOutboxItem(event)).commit(),
    ])
    .go();
  if (result.canceled) throw new ConditionFailure();
}

async function reschedule(context: Context, item: ReferralItem, breaches: ServiceLevelFacts["breaches"]) {
  const timers = await areaTimers(context);
  await context.db.entities.referral
    .put({ ...item, ...scheduleFields({ ...item, breaches }, timers) })
    .where((attributes, { eq }) => eq(attributes.version, item.version))
    .go();
}

class ConditionFailure extends Error {}

function isConditionFailure(error: unknown): boolean {
  return error instanceof ConditionFailure || isConditionalCheckFailure(error);
}
