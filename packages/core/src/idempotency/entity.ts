import { createSchema } from "electrodb";

/** Remembers a client's Idempotency-Key for a day, so a retried request returns the first result. */
export const idempotencySchema = createSchema({
  model: { entity: "idempotency", version: "1", service: "linkwork" },
  attributes: {
    scope: { type: "string", required: true, readOnly: true },
    key: { type: "string", required: true, readOnly: true },
    requestHash: { type: "string", required: true, readOnly: true },
    resultId: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    expiresAt: { type: "number", required: true, readOnly: true },
  },
  indexes: {
    byKey: {
      pk: { field: "pk", composite: ["scope", "key"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
