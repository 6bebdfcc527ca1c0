import { CustomAttributeType, createSchema } from "electrodb";

/** One line of a referral's story, written from its event; the event id makes the write idempotent. */
export const timelineSchema = createSchema({
  model: { entity: "timeline", version: "1", service: "linkwork" },
  attributes: {
    referralId: { type: "string", required: true, readOnly: true },
    eventId: { type: "string", required: true, readOnly: true },
    type: { type: "string", required: true, readOnly: true },
    at: { type: "string", required: true, readOnly: true },
    actorId: { type: "string", readOnly: true },
    actorName: { type: "string", readOnly: true },
    data: { type: CustomAttributeType<Record<string, unknown>>("any"), required: true },
  },
  indexes: {
    byReferral: {
      pk: { field: "pk", composite: ["referralId"] },
      sk: { field: "sk", composite: ["at", "eventId"] },
    },
  },
});
