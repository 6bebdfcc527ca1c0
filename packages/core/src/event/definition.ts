import type * as z from "zod/mini";

/** What an event can be about: its envelope's `subject.type`. */
export const subjectTypes = ["referral", "mdt", "meeting", "action", "person", "user"] as const;
export type SubjectType = (typeof subjectTypes)[number];

/** The schema of an event's data: always an object. */
export type EventSchema = z.ZodMiniType<Record<string, unknown>>;

/** One catalogue entry: what the event is about, and the schema of its data. */
export interface EventDefinition<
  Subject extends SubjectType = SubjectType,
  Data extends EventSchema = EventSchema,
> {
  subject: Subject;
  data: Data;
}

/** A domain's events, by name (`domain.past_verb`). */
export type EventDefinitions = Record<string, EventDefinition>;

/**
 * Declares a group of events that share a subject, in the form the catalogue spreads:
 * `eventsAbout("meeting", { "meeting.started": z.object({ ... }) })`.
 */
export function eventsAbout<
  const Subject extends SubjectType,
  const Schemas extends Record<string, EventSchema>,
>(subject: Subject, schemas: Schemas): { [Type in keyof Schemas]: EventDefinition<Subject, Schemas[Type]> } {
  return Object.fromEntries(Object.entries(schemas).map(([type, data]) => [type, { subject, data }])) as {
    [Type in keyof Schemas]: EventDefinition<Subject, Schemas[Type]>;
  };
}

/** The kind of subject an event name begins with: `meeting` for `meeting.item_listed`. */
type NamedSubject<Type> = Type extends `${infer Subject}.${string}` ? Extract<Subject, SubjectType> : never;

/**
 * Declares a group of events each about the kind of subject its name begins with
 * (`meeting.started` is about a meeting, `action.completed` about an action). A name that does
 * not begin with a kind of subject does not compile.
 */
export function eventsAboutTheirDomain<const Schemas extends Record<`${SubjectType}.${string}`, EventSchema>>(
  schemas: Schemas,
): { [Type in keyof Schemas]: EventDefinition<NamedSubject<Type>, Extract<Schemas[Type], EventSchema>> } {
  return Object.fromEntries(
    Object.entries(schemas).map(([type, data]) => [type, { subject: subjectNamedBy(type), data }]),
  ) as { [Type in keyof Schemas]: EventDefinition<NamedSubject<Type>, Extract<Schemas[Type], EventSchema>> };
}

function subjectNamedBy(type: string): SubjectType {
  const named = type.slice(0, type.indexOf("."));
  const subject = subjectTypes.find((candidate) => candidate === named);
  if (!subject)
    throw new Error(`Event ${type} does not begin with a kind of subject (${subjectTypes.join(", ")})`);
  return subject;
}
