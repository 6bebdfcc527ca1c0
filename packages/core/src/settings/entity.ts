import { createSchema } from "electrodb";

/** The area's service-level timers, in working days; one item per deployment (one area). */
export const serviceLevelSettingsSchema = createSchema({
  model: { entity: "serviceLevelSettings", version: "1", service: "linkwork" },
  attributes: {
    area: { type: "string", required: true, readOnly: true },
    version: { type: "number", required: true },
    triageWorkingDays: { type: "number", required: true },
    acceptanceWorkingDays: { type: "number", required: true },
    firstContactWorkingDays: { type: "number", required: true },
    urgentFirstContactWorkingDays: { type: "number", required: true },
    closureDays: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byArea: {
      pk: { field: "pk", composite: ["area"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
