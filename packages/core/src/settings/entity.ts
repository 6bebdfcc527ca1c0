import { CustomAttributeType, createSchema } from "electrodb";
import type { WellbeingMeasureTool } from "../casework/vocabulary";

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

/** The area's casework choices: which wellbeing measures it uses, when to prompt "unable to contact". */
export const caseworkSettingsSchema = createSchema({
  model: { entity: "caseworkSettings", version: "1", service: "linkwork" },
  attributes: {
    area: { type: "string", required: true, readOnly: true },
    version: { type: "number", required: true },
    measures: { type: CustomAttributeType<WellbeingMeasureTool[]>("any"), required: true },
    unableToContactAfterAttempts: { type: "number", required: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byArea: {
      pk: { field: "pk", composite: ["area"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
