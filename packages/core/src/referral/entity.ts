import { CustomAttributeType, createSchema } from "electrodb";
import type { PersonDetails } from "../person/schema";
import type { BreachKind } from "./domain/service-levels";
import {
  ClosureReason,
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
    practiceOds: { type: "string" },
    reason: { type: "string", required: true },
    needs: { type: CustomAttributeType<NeedDomain[]>("any"), required: true },
    riskFlags: { type: CustomAttributeType<RiskFlag[]>("any"), required: true },
    consent: { type: CustomAttributeType<{ shareWithProviders: boolean }>("any"), required: true },
    priority: { type: Priority.options },
    supportLevel: { type: SupportLevel.options },
    organisationId: { type: "string" },
    assignedTo: { type: "string" },
    /** The link worker's name when they picked it up, for managers and the timeline. */
    assignedToName: { type: "string" },
    referrerId: { type: "string" },
    referrerOrganisationId: { type: "string" },
    /** Where it sits in its queue: priority (or risk, before triage), then age. */
    queueRank: { type: "string", required: true },
    triageNote: { type: "string" },
    closureReason: { type: ClosureReason.options },
    triagedAt: { type: "string" },
    allocatedAt: { type: "string" },
    acceptedAt: { type: "string" },
    assignedAt: { type: "string" },
    firstContactAt: { type: "string" },
    closedAt: { type: "string" },
    triageDueAt: { type: "string", required: true },
    acceptanceDueAt: { type: "string" },
    firstContactDueAt: { type: "string" },
    breaches: { type: CustomAttributeType<BreachKind[]>("any"), required: true, default: () => [] },
    /** When the service-level sweep must next look at it; "none" once no timer runs. */
    sweepState: { type: ["due", "none"] as const, required: true },
    nextSweepAt: { type: "string", required: true },
    /** Other referrals of the same person that were open when this one arrived. */
    otherOpenReferralIds: { type: CustomAttributeType<string[]>("any"), required: true, default: () => [] },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["referralId"] },
      sk: { field: "sk", composite: [] },
    },
    byStatus: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["status"] },
      sk: { field: "gsi1sk", composite: ["queueRank", "receivedAt", "referralId"] },
    },
    byOrganisation: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["organisationId"] },
      sk: { field: "gsi2sk", composite: ["status", "queueRank", "receivedAt", "referralId"] },
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
    byNextSweep: {
      index: "gsi6",
      pk: { field: "gsi6pk", composite: ["sweepState"] },
      sk: { field: "gsi6sk", composite: ["nextSweepAt", "referralId"] },
    },
  },
});
