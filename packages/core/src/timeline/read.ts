import type { UserActor } from "../actor";
import type { Context } from "../context";
import { readReferral } from "../referral/read";

export interface TimelineItem {
  id: string;
  type: string;
  at: string;
  actorId?: string;
  actorName?: string;
  data: Record<string, unknown>;
}

/** A referral's timeline, oldest first, for a user who may see the referral (checked and audited). */
export async function readTimeline(
  context: Context,
  user: UserActor,
  referralId: string,
): Promise<TimelineItem[]> {
  await readReferral(context, user, referralId, "referral.timeline.read");
  const entries = await context.db.entities.timeline.query.byReferral({ referralId }).go({ pages: "all" });
  return entries.data.map((entry) => ({
    id: entry.eventId,
    type: entry.type,
    at: entry.at,
    ...(entry.actorId ? { actorId: entry.actorId } : {}),
    ...(entry.actorName ? { actorName: entry.actorName } : {}),
    data: entry.data,
  }));
}
