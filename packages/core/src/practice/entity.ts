import { createSchema } from "electrodb";

/** A GP practice, known by its ODS code, and the Primary Care Network it belongs to. */
export const practiceSchema = createSchema({
  model: { entity: "practice", version: "1", service: "linkwork" },
  attributes: {
    odsCode: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    pcnOrganisationId: { type: "string" },
    organisationId: { type: "string" },
    postcode: { type: "string" },
  },
  indexes: {
    byOdsCode: {
      pk: { field: "pk", composite: ["odsCode"] },
      sk: { field: "sk", composite: [] },
    },
    all: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: [] },
      sk: { field: "gsi1sk", composite: ["odsCode"] },
    },
  },
});
