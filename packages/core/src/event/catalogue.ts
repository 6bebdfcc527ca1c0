// zod/mini: the relay and the subscribers parse every event with these and nothing else of zod.
import * as z from "zod/mini";
import { caseEvents } from "../casework/events";
import { mdtEvents, mdtReferralEvents } from "../mdt/events";
import { personMatchEvents } from "../person/events";
import { referralEvents } from "../referral/events";
import { userEvents } from "../user/events";
import {
  type EventDefinitions,
  eventsAbout,
  eventsAboutTheirDomain,
  type SubjectType,
  subjectTypes,
} from "./definition";

/**
 * Every event Linkwork publishes, by name (`domain.past_verb`): what it is about and the schema of
 * its data. Each domain exports its events and is spread in here, declaring their subject:
 * `eventsAbout("referral", referralEvents)` for a group about one kind of subject, or
 * `eventsAboutTheirDomain(mdtEvents)` for one whose names say it (`meeting.started`: a meeting).
 */
export const eventCatalogue = {
  ...eventsAbout("referral", referralEvents),
  ...eventsAbout("referral", caseEvents),
  ...eventsAbout("referral", personMatchEvents),
  ...eventsAboutTheirDomain(mdtEvents),
  ...eventsAbout("referral", mdtReferralEvents),
  ...eventsAbout("user", userEvents),
} as const satisfies EventDefinitions;

type Catalogue = typeof eventCatalogue;
export type EventType = keyof Catalogue;
export type EventData<Type extends EventType> = z.infer<Catalogue[Type]["data"]>;
/** The kind of subject an event of this type is about, as the catalogue declares it. */
export type EventSubjectType<Type extends EventType> = Catalogue[Type]["subject"];
/** The event types whose subject is of this kind: `EventTypeAbout<"referral">`. */
export type EventTypeAbout<Subject extends SubjectType> = {
  [Type in EventType]: EventSubjectType<Type> extends Subject ? Type : never;
}[EventType];

export type { SubjectType } from "./definition";

export const eventTypes = Object.keys(eventCatalogue) as EventType[];
export const EventTypeSchema = z.enum(eventTypes as [EventType, ...EventType[]]);

/** Every event type about subjects of one kind, in catalogue order. */
export function eventTypesAbout<Subject extends SubjectType>(subject: Subject): EventTypeAbout<Subject>[] {
  return eventTypes.filter(
    (type): type is EventTypeAbout<Subject> => eventCatalogue[type].subject === subject,
  );
}

/** The EventBridge `source` of everything Linkwork publishes. */
export const eventSource = "linkwork";

export const EventActor = z.object({
  type: z.enum(["user", "system", "public"]),
  id: z.string(),
  /** The member of staff's name as it was when they acted, for the timeline. */
  name: z.optional(z.string()),
});
export type EventActor = z.infer<typeof EventActor>;

export const EventSubject = z.object({ type: z.enum(subjectTypes), id: z.string() });

/** The envelope as it travels: checked against the catalogue by `parseEvent`. */
export const EventEnvelopeSchema = z.object({
  id: z.string(),
  type: EventTypeSchema,
  occurredAt: z.iso.datetime(),
  actor: EventActor,
  subject: EventSubject,
  data: z.record(z.string(), z.unknown()),
});

/** One event of exactly this type, its subject and data as the catalogue declares them. */
export interface EventOfType<Type extends EventType> {
  id: string;
  type: Type;
  occurredAt: string;
  actor: EventActor;
  subject: { type: EventSubjectType<Type>; id: string };
  data: EventData<Type>;
}

/**
 * An event of any of these types, as a union a `switch (event.type)` narrows, data included:
 * `TypedEvent<"referral.accepted" | "referral.declined">`.
 */
export type TypedEvent<Type extends EventType> = Type extends EventType ? EventOfType<Type> : never;

/** Any Linkwork event. */
export type EventEnvelope = TypedEvent<EventType>;

/**
 * Parses an envelope and its data against the catalogue: consumers never trust a payload blindly.
 * An event whose subject is not the kind its type is about is refused with the rest.
 */
export function parseEvent(input: unknown): EventEnvelope {
  const envelope = EventEnvelopeSchema.parse(input);
  const definition = eventCatalogue[envelope.type];
  if (envelope.subject.type !== definition.subject) {
    throw new Error(
      `A ${envelope.type} event is about a ${definition.subject}, not a ${envelope.subject.type} (event ${envelope.id})`,
    );
  }
  // Type, subject and data have each been checked against the same catalogue entry just above.
  return { ...envelope, data: definition.data.parse(envelope.data) } as EventEnvelope;
}

/** Whether the event is one of these types, narrowing it (and its data) to them. */
export function isEventOf<Type extends EventType>(
  event: EventEnvelope,
  types: readonly Type[],
): event is TypedEvent<Type> {
  const accepted: readonly EventType[] = types;
  return accepted.includes(event.type);
}
