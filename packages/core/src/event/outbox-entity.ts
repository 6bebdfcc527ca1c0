import { CustomAttributeType, createSchema } from "electrodb";

/**
 * An event waiting to be published. It is written in the same transaction as the change it
 * describes; the table stream carries it to the relay, and it expires a week later.
 */
export const outboxSchema = createSchema({
  model: { entity: "outbox", version: "1", service: "linkwork" },
  attributes: {
    eventId: { type: "string", required: true, readOnly: true },
    type: { type: "string", required: true, readOnly: true },
    occurredAt: { type: "string", required: true, readOnly: true },
    actor: {
      type: CustomAttributeType<{ type: "user" | "system" | "public"; id: string; name?: string }>("any"),
      required: true,
    },
    subject: { type: CustomAttributeType<{ type: "referral"; id: string }>("any"), required: true },
    data: { type: CustomAttributeType<Record<string, unknown>>("any"), required: true },
    expiresAt: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["eventId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
