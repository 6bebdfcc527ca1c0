import { createSchema } from "electrodb";

/**
 * One caller's sliding window: when each request let through in the last window arrived (at most
 * the limit of them), and a version that every change is conditional on. Expires by itself once
 * the window has passed with no request.
 */
export const rateLimitSchema = createSchema({
  model: { entity: "rateLimit", version: "1", service: "linkwork" },
  attributes: {
    bucket: { type: "string", required: true, readOnly: true },
    admittedAt: { type: "list", items: { type: "number" } },
    version: { type: "number" },
    expiresAt: { type: "number" },
  },
  indexes: {
    byBucket: {
      pk: { field: "pk", composite: ["bucket"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
