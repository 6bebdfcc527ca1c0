import { type Actor, actorId } from "../actor";
import { createId } from "../util/id";
import { type EventData, type EventType, eventCatalogue, type TypedEvent } from "./catalogue";

const outboxRetentionSeconds = 7 * 24 * 60 * 60;

export function createEvent<Type extends EventType>(
  type: Type,
  input: { actor: Actor; subject: { type: "referral"; id: string }; data: EventData<Type>; at: Date },
): TypedEvent<Type> {
  return {
    id: createId("event", input.at),
    type,
    occurredAt: input.at.toISOString(),
    actor: {
      type: input.actor.type,
      id: actorId(input.actor),
      ...(input.actor.type === "user" ? { name: input.actor.name } : {}),
    },
    subject: input.subject,
    // Parsing here means a malformed event fails the command that raised it, not a consumer later.
    data: eventCatalogue[type].parse(input.data) as EventData<Type>,
  };
}

/** The outbox item for an event, to be written in the same transaction as the change. */
export function toOutboxItem(event: TypedEvent<EventType>) {
  return {
    eventId: event.id,
    type: event.type,
    occurredAt: event.occurredAt,
    actor: event.actor,
    subject: event.subject,
    data: event.data as Record<string, unknown>,
    expiresAt: Math.floor(Date.parse(event.occurredAt) / 1000) + outboxRetentionSeconds,
  };
}
