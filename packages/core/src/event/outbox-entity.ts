import { CustomAttributeType, createSchema } from "electrodb";
import type { SubjectType } from "./definition";

/**
 * An event waiting to be published. It is written in the same transaction as the change it
 * describes; the table stream carries it to the relay, and it expires a week later. Until then it
 * can be found by time (`byTime`), so events missed downstream can be replayed from the table.
 */
export const outboxSchema = createSchema({
  model: { entity: "outbox", version: "1", service: "linkwork" },
  attributes: {
    eventId: { type: "string", required: true, readOnly: true },
    type: { type: "string", required: true, readOnly: true },
    occurredAt: { type: "string", required: true, readOnly: true },
    /** The UTC day of `occurredAt` (YYYY-MM-DD): the time index's partition, so no partition grows forever. */
    occurredOn: { type: "string", required: true, readOnly: true },
    actor: {
      type: CustomAttributeType<{ type: "user" | "system" | "public"; id: string; name?: string }>("any"),
      required: true,
    },
    subject: { type: CustomAttributeType<{ type: SubjectType; id: string }>("any"), required: true },
    data: { type: CustomAttributeType<Record<string, unknown>>("any"), required: true },
    expiresAt: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["eventId"] },
      sk: { field: "sk", composite: [] },
    },
    /** One partition a day, in time order within it; gsi1 is generic and overloaded. */
    byTime: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["occurredOn"] },
      sk: { field: "gsi1sk", composite: ["occurredAt", "eventId"] },
    },
  },
});
