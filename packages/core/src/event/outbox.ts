import { type Actor, actorId } from "../actor";
import type { Database } from "../db/database";
import { createId } from "../util/id";
import {
  type EventData,
  type EventEnvelope,
  type EventOfType,
  type EventSubjectType,
  type EventType,
  eventCatalogue,
  parseEvent,
} from "./catalogue";

const outboxRetentionSeconds = 7 * 24 * 60 * 60;

export interface EventInput<Type extends EventType> {
  actor: Actor;
  /** What the event is about: the catalogue says which kind of subject each type takes. */
  subject: { type: EventSubjectType<Type>; id: string };
  data: EventData<Type>;
  at: Date;
}

export function createEvent<Type extends EventType>(type: Type, input: EventInput<Type>): EventOfType<Type> {
  const definition = eventCatalogue[type];
  if (input.subject.type !== definition.subject) {
    throw new Error(`A ${type} event is about a ${definition.subject}, not a ${input.subject.type}`);
  }
  return {
    id: createId("event", input.at),
    type,
    occurredAt: input.at.toISOString(),
    actor: eventActor(input.actor),
    subject: input.subject,
    // Parsing here means a malformed event fails the command that raised it, not a consumer later.
    data: definition.data.parse(input.data) as EventData<Type>,
  };
}

/**
 * For a producer whose data is put together generically (the referral lifecycle's decision
 * names its event by command): the type, subject and data are checked against the catalogue
 * when the event is made, so a payload that does not fit fails the command that raised it.
 */
export function createCheckedEvent(
  type: EventType,
  input: { actor: Actor; subject: EventEnvelope["subject"]; data: Record<string, unknown>; at: Date },
): EventEnvelope {
  return parseEvent({
    id: createId("event", input.at),
    type,
    occurredAt: input.at.toISOString(),
    actor: eventActor(input.actor),
    subject: input.subject,
    data: input.data,
  });
}

function eventActor(actor: Actor): EventEnvelope["actor"] {
  return {
    type: actor.type,
    id: actorId(actor),
    ...(actor.type === "user" ? { name: actor.name } : {}),
  };
}

/** The outbox item for an event, to be written in the same transaction as the change. */
export function toOutboxItem(event: EventEnvelope) {
  return {
    eventId: event.id,
    type: event.type,
    occurredAt: event.occurredAt,
    occurredOn: event.occurredAt.slice(0, 10),
    actor: event.actor,
    subject: event.subject,
    data: event.data,
    expiresAt: Math.floor(Date.parse(event.occurredAt) / 1000) + outboxRetentionSeconds,
  };
}

export type OutboxRead = { event: EventEnvelope } | { unreadable: string; reason: string };

/**
 * The outbox's events that occurred in [from, to), oldest first, read from the time index one UTC
 * day at a time. Only what is still in the outbox (a week) can be found. An item that no longer
 * parses is reported rather than stopping the rest.
 */
export async function* outboxEventsBetween(
  db: Database,
  range: { from: Date; to: Date },
  options: { pageSize?: number } = {},
): AsyncGenerator<OutboxRead> {
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  for (const occurredOn of utcDaysBetween(range.from, range.to)) {
    let cursor: string | null = null;
    do {
      const page: { data: Record<string, unknown>[]; cursor: string | null } = await db.entities.outbox.query
        .byTime({ occurredOn })
        .between({ occurredAt: from }, { occurredAt: to })
        .go({ cursor, order: "asc", ...(options.pageSize ? { limit: options.pageSize } : {}) });
      for (const item of page.data) {
        const occurredAt = item.occurredAt as string;
        // `between` is inclusive of its end; the range is not.
        if (occurredAt < from || occurredAt >= to) continue;
        try {
          yield { event: parseEvent({ ...item, id: item.eventId }) };
        } catch (error) {
          yield {
            unreadable: String(item.eventId),
            reason: error instanceof Error ? error.message : String(error),
          };
        }
      }
      cursor = page.cursor;
    } while (cursor);
  }
}

/** The UTC days (YYYY-MM-DD) a half-open range [from, to) touches, in order. */
export function utcDaysBetween(from: Date, to: Date): string[] {
  const days: string[] = [];
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  while (day < to) {
    days.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return days;
}
