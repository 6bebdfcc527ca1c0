import { createSchema } from "electrodb";

/** Who did or saw what, when and why. Written for every read of a person's record. */
export const auditSchema = createSchema({
  model: { entity: "audit", version: "1", service: "linkwork" },
  attributes: {
    auditId: { type: "string", required: true, readOnly: true },
    at: { type: "string", required: true, readOnly: true },
    /** `YYYY-MM` of `at`: an actor's entries are one partition a month, as the public's and the sweep's never end. */
    month: {
      type: "string",
      readOnly: true,
      watch: ["at"],
      set: (_value, item) => String(item.at).slice(0, 7),
    },
    actorId: { type: "string", required: true, readOnly: true },
    actorOrganisationId: { type: "string", readOnly: true },
    action: { type: "string", required: true, readOnly: true },
    subjectType: {
      type: ["referral", "person", "search", "mdt", "meeting"] as const,
      required: true,
      readOnly: true,
    },
    subjectId: { type: "string", required: true, readOnly: true },
    purpose: { type: "string", required: true, readOnly: true },
    outcome: { type: ["granted", "denied"] as const, required: true, readOnly: true },
  },
  indexes: {
    bySubject: {
      pk: { field: "pk", composite: ["subjectId"] },
      sk: { field: "sk", composite: ["at", "auditId"] },
    },
    byActor: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["actorId", "month"] },
      sk: { field: "gsi1sk", composite: ["at", "auditId"] },
    },
  },
});
