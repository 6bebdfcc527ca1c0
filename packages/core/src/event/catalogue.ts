// zod/mini: the relay and the subscribers parse every event with these and nothing else of zod.
import * as z from "zod/mini";
import { personMatchEvents } from "../person/events";
import { referralEvents } from "../referral/events";

/** Every event Linkwork publishes, by name (`domain.past_verb`), with the schema of its data. */
export const eventCatalogue = {
  ...referralEvents,
  ...personMatchEvents,
} as const;

export type EventType = keyof typeof eventCatalogue;
export type EventData<Type extends EventType> = z.infer<(typeof eventCatalogue)[Type]>;

export const eventTypes = Object.keys(eventCatalogue) as EventType[];
export const EventTypeSchema = z.enum(eventTypes as [EventType, ...EventType[]]);

/** The EventBridge `source` of everything Linkwork publishes. */
export const eventSource = "linkwork";

export const EventActor = z.object({
  type: z.enum(["user", "system", "public"]),
  id: z.string(),
  /** The member of staff's name as it was when they acted, for the timeline. */
  name: z.optional(z.string()),
});

export const EventEnvelope = z.object({
  id: z.string(),
  type: EventTypeSchema,
  occurredAt: z.iso.datetime(),
  actor: EventActor,
  subject: z.object({ type: z.literal("referral"), id: z.string() }),
  data: z.record(z.string(), z.unknown()),
});
export type EventEnvelope = z.infer<typeof EventEnvelope>;

export type TypedEvent<Type extends EventType> = Omit<EventEnvelope, "type" | "data"> & {
  type: Type;
  data: EventData<Type>;
};

/** Parses an envelope and its data against the catalogue: consumers never trust a payload blindly. */
export function parseEvent(input: unknown): EventEnvelope {
  const envelope = EventEnvelope.parse(input);
  const data = eventCatalogue[envelope.type].parse(envelope.data);
  return { ...envelope, data };
}
