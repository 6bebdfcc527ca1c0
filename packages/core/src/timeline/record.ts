import { isConditionalCheckFailure } from "../db/transaction";
import type { EventEnvelope } from "../event/catalogue";
import type { Clock } from "../util/clock";
import type { TimelineDatabase } from "./timeline-database";

/** Adds the event to its referral's timeline; a second delivery of the same event changes nothing. */
export async function recordTimelineEntry(
  context: { db: TimelineDatabase; clock: Clock },
  event: EventEnvelope,
): Promise<"recorded" | "duplicate"> {
  try {
    await context.db.entities.timeline
      .create({
        referralId: event.subject.id,
        eventId: event.id,
        type: event.type,
        at: event.occurredAt,
        actorId: event.actor.id,
        ...(event.actor.name ? { actorName: event.actor.name } : {}),
        data: event.data,
      })
      .go();
    return "recorded";
  } catch (error) {
    if (isConditionalCheckFailure(error)) return "duplicate";
    throw error;
  }
}
