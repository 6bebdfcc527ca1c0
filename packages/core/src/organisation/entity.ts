import { CustomAttributeType, createSchema } from "electrodb";
import type { NeedDomain, SupportLevel } from "../referral/schema";
import { OrganisationKind } from "./schema";

export const organisationSchema = createSchema({
  model: { entity: "organisation", version: "1", service: "linkwork" },
  attributes: {
    organisationId: { type: "string", required: true, readOnly: true },
    version: { type: "number", required: true },
    name: { type: "string", required: true },
    kind: { type: OrganisationKind.options, required: true },
    odsCode: { type: "string" },
    /** Providers (PCNs, VCS) take allocations; hubs, practices and councils do not. */
    acceptsReferrals: { type: "boolean", required: true },
    /** Eligibility, for providers: the area covered, who they work with and what they offer. */
    practices: { type: CustomAttributeType<string[]>("any"), required: true, default: () => [] },
    postcodeDistricts: { type: CustomAttributeType<string[]>("any"), required: true, default: () => [] },
    minAge: { type: "number" },
    maxAge: { type: "number" },
    needs: { type: CustomAttributeType<NeedDomain[]>("any"), required: true, default: () => [] },
    supportLevels: { type: CustomAttributeType<SupportLevel[]>("any"), required: true, default: () => [] },
    languages: { type: CustomAttributeType<string[]>("any"), required: true, default: () => ["en"] },
    interpreterAccess: { type: "boolean", required: true, default: false },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["organisationId"] },
      sk: { field: "sk", composite: [] },
    },
    all: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: [] },
      sk: { field: "gsi1sk", composite: ["name", "organisationId"] },
    },
  },
});
