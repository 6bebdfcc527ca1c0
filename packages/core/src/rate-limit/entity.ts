import { createSchema } from "electrodb";

/** Requests counted per caller per time window; old windows expire by themselves. */
export const rateLimitSchema = createSchema({
  model: { entity: "rateLimit", version: "1", service: "linkwork" },
  attributes: {
    bucket: { type: "string", required: true, readOnly: true },
    count: { type: "number" },
    expiresAt: { type: "number" },
  },
  indexes: {
    byBucket: {
      pk: { field: "pk", composite: ["bucket"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
