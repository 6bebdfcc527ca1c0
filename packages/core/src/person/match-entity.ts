import { CustomAttributeType, createSchema } from "electrodb";
import type { ComparedField } from "./domain/identity-match";

/**
 * A referral that may be about someone already known, waiting for a triage coordinator. The
 * referral sits on a record of its own (`personId`) until the coordinator confirms it is the
 * candidate or says it is someone else; the candidate's record is not touched meanwhile.
 */
export const personMatchSchema = createSchema({
  model: { entity: "personMatch", version: "1", service: "linkwork" },
  attributes: {
    referralId: { type: "string", required: true, readOnly: true },
    personId: { type: "string", required: true, readOnly: true },
    candidatePersonId: { type: "string", required: true, readOnly: true },
    basis: { type: ["nhs_number", "identity"] as const, required: true, readOnly: true },
    differences: { type: CustomAttributeType<ComparedField[]>("any"), required: true, readOnly: true },
    status: { type: ["pending", "confirmed", "split"] as const, required: true },
    createdAt: { type: "string", required: true, readOnly: true },
    resolvedAt: { type: "string" },
    resolvedBy: { type: "string" },
  },
  indexes: {
    byReferral: {
      pk: { field: "pk", composite: ["referralId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
