import { CustomAttributeType, createSchema } from "electrodb";
import type { PersonDetails } from "../person/schema";
import {
  type NeedDomain,
  Priority,
  ReferralSource,
  ReferralStatus,
  type RiskFlag,
  SupportLevel,
} from "./schema";

export const referralSchema = createSchema({
  model: { entity: "referral", version: "1", service: "linkwork" },
  attributes: {
    referralId: { type: "string", required: true, readOnly: true },
    reference: { type: "string", required: true, readOnly: true },
    version: { type: "number", required: true },
    status: { type: ReferralStatus.options, required: true },
    source: { type: ReferralSource.options, required: true, readOnly: true },
    receivedAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    personId: { type: "string", required: true },
    person: { type: CustomAttributeType<PersonDetails>("any"), required: true },
    practiceOds: { type: "string", required: true },
    reason: { type: "string", required: true },
    needs: { type: CustomAttributeType<NeedDomain[]>("any"), required: true },
    riskFlags: { type: CustomAttributeType<RiskFlag[]>("any"), required: true },
    consent: { type: CustomAttributeType<{ shareWithProviders: boolean }>("any"), required: true },
    priority: { type: Priority.options },
    supportLevel: { type: SupportLevel.options },
    organisationId: { type: "string" },
    assignedTo: { type: "string" },
    referrerId: { type: "string" },
    referrerOrganisationId: { type: "string" },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["referralId"] },
      sk: { field: "sk", composite: [] },
    },
    byStatus: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["status"] },
      sk: { field: "gsi1sk", composite: ["receivedAt", "referralId"] },
    },
    byOrganisation: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["organisationId"] },
      sk: { field: "gsi2sk", composite: ["status", "receivedAt", "referralId"] },
    },
    byReferrer: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["referrerId"] },
      sk: { field: "gsi3sk", composite: ["receivedAt", "referralId"] },
    },
    byAssignee: {
      index: "gsi4",
      pk: { field: "gsi4pk", composite: ["assignedTo"] },
      sk: { field: "gsi4sk", composite: ["status", "receivedAt", "referralId"] },
    },
    byReceived: {
      index: "gsi5",
      pk: { field: "gsi5pk", composite: [] },
      sk: { field: "gsi5sk", composite: ["receivedAt", "referralId"] },
    },
  },
});
