import { PutCommand } from "@aws-sdk/lib-dynamodb";
import type { DatabaseConnection } from "../db/client";
import type { EventTypeAbout, TypedEvent } from "../event/catalogue";
import { timelinePut } from "./stored-entry";

/** Adds the event to its referral's timeline; a second delivery of the same event changes nothing. */
export async function recordTimelineEntry(
  connection: DatabaseConnection,
  event: TypedEvent<EventTypeAbout<"referral">>,
): Promise<"recorded" | "duplicate"> {
  const put = timelinePut(connection.tableName, {
    referralId: event.subject.id,
    eventId: event.id,
    type: event.type,
    at: event.occurredAt,
    actorId: event.actor.id,
    ...(event.actor.name ? { actorName: event.actor.name } : {}),
    data: event.data,
  });
  try {
    await connection.client.send(new PutCommand(put));
    return "recorded";
  } catch (error) {
    // By name: the document client may carry its own copy of the low-level client's classes.
    if (error instanceof Error && error.name === "ConditionalCheckFailedException") return "duplicate";
    throw error;
  }
}
