import { CustomAttributeType, createSchema } from "electrodb";
import type { PersonDetails } from "./schema";

/** One record per person, so a second referral for someone already known joins the same record. */
export const personSchema = createSchema({
  model: { entity: "person", version: "1", service: "linkwork" },
  attributes: {
    personId: { type: "string", required: true, readOnly: true },
    version: { type: "number", required: true },
    nhsNumber: { type: "string" },
    /** Family name without accents, date of birth and postcode: gathers candidates for matching. */
    identityKey: { type: "string", required: true },
    details: { type: CustomAttributeType<PersonDetails>("any"), required: true },
    /** The person's referrals still open, so a coordinator is warned of a second one. */
    openReferralIds: { type: "set", items: "string" },
    /**
     * Set when a coordinator confirmed that this record, made for a possible match, is someone
     * already known: the record kept, which holds the person's referrals from then on.
     */
    mergedInto: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["personId"] },
      sk: { field: "sk", composite: [] },
    },
    byIdentity: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["identityKey"] },
      sk: { field: "gsi1sk", composite: ["personId"] },
    },
  },
});

/**
 * Claims an NHS number for one person. Written with the person in one transaction and only if
 * absent, so two referrals racing for a new NHS number cannot create two records; read with a
 * strongly consistent get, which an index could not give. It moves to another record only when a
 * coordinator confirms two records are one person.
 */
export const personNhsNumberSchema = createSchema({
  model: { entity: "personNhsNumber", version: "1", service: "linkwork" },
  attributes: {
    nhsNumber: { type: "string", required: true, readOnly: true },
    personId: { type: "string", required: true },
  },
  indexes: {
    byNhsNumber: {
      pk: { field: "pk", composite: ["nhsNumber"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
