import type { Actor, UserActor } from "../actor";
import type { Context } from "../context";
import { coordinatorOnlyEvents } from "../person/events";
import { seesOtherRecords } from "../referral/domain/access";
import { readReferral } from "../referral/read";

export interface TimelineItem {
  id: string;
  type: string;
  at: string;
  actorId?: string;
  actorName?: string;
  data: Record<string, unknown>;
}

/** What an event says about the person's other records, which only coordinators may know. */
const otherRecordFacts = ["knownPerson", "otherOpenReferrals"];

/**
 * The timeline as this viewer may see it: for anyone but a coordinator, nothing tells whether the
 * person was already known (no match events, no count of other referrals).
 */
export function timelineFor(viewer: Actor, items: TimelineItem[]): TimelineItem[] {
  if (seesOtherRecords(viewer)) return items;
  return items
    .filter((item) => !coordinatorOnlyEvents.has(item.type))
    .map((item) => ({
      ...item,
      data: Object.fromEntries(Object.entries(item.data).filter(([key]) => !otherRecordFacts.includes(key))),
    }));
}

/** A referral's timeline, oldest first, for a user who may see the referral (checked and audited). */
export async function readTimeline(
  context: Context,
  user: UserActor,
  referralId: string,
): Promise<TimelineItem[]> {
  await readReferral(context, user, referralId, "referral.timeline.read");
  const entries = await context.db.entities.timeline.query.byReferral({ referralId }).go({ pages: "all" });
  return timelineFor(
    user,
    entries.data.map((entry) => ({
      id: entry.eventId,
      type: entry.type,
      at: entry.at,
      ...(entry.actorId ? { actorId: entry.actorId } : {}),
      ...(entry.actorName ? { actorName: entry.actorName } : {}),
      data: entry.data,
    })),
  );
}
