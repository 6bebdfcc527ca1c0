import { CustomAttributeType, createSchema } from "electrodb";
import { defaultAreaId } from "../area/area";
import type { EscalationTarget } from "../casework/vocabulary";
import type { PersonDetails } from "../person/schema";
import { monthOf } from "./domain/months";
import type { BreachKind } from "./domain/service-levels";
import {
  ClosureReason,
  type NeedDomain,
  openStatuses,
  Priority,
  ReferralSource,
  ReferralStatus,
  type RiskFlag,
  SupportLevel,
} from "./schema";

/** Used as a partition key value meaning "not in this index". */
const absent = "none";

function indexKeyOf(attribute: "organisationId" | "referrerId" | "assignedTo") {
  return {
    type: "string",
    hidden: true,
    watch: "*",
    set: (_value: unknown, item: Record<string, unknown>) => {
      const value = item[attribute];
      return typeof value === "string" ? value : absent;
    },
  } as const;
}

export const referralSchema = createSchema({
  model: { entity: "referral", version: "1", service: "linkwork" },
  attributes: {
    referralId: { type: "string", required: true, readOnly: true },
    /** The area it was received in: area-wide indexes are partitioned by it. */
    areaId: { type: "string", required: true, readOnly: true, default: () => defaultAreaId },
    reference: { type: "string", required: true, readOnly: true },
    version: { type: "number", required: true },
    status: { type: ReferralStatus.options, required: true },
    source: { type: ReferralSource.options, required: true, readOnly: true },
    receivedAt: { type: "string", required: true, readOnly: true },
    /** `YYYY-MM` of receipt, so the received-order index is one partition per month, not one forever. */
    receivedMonth: {
      type: "string",
      readOnly: true,
      watch: ["receivedAt"],
      set: (_value, item) => monthOf(String(item.receivedAt)),
    },
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
    /** What the link worker says support achieved, for the message back to the GP and referrer. */
    closureSummary: { type: "string" },
    /** `YYYY-MM-DD`: the wellbeing plan's next review, kept here (by the plan's writes) for the caseload. */
    reviewOn: { type: "string" },
    /** Consecutive failed contact attempts since the last successful one, kept by the case's writes. */
    failedContactAttempts: { type: "number" },
    /** Where the case has open escalations, kept by the case's writes for the queues. */
    openEscalations: { type: CustomAttributeType<EscalationTarget[]>("any") },
    triagedAt: { type: "string" },
    allocatedAt: { type: "string" },
    acceptedAt: { type: "string" },
    assignedAt: { type: "string" },
    firstContactAt: { type: "string" },
    closedAt: { type: "string" },
    reopenedAt: { type: "string" },
    triageDueAt: { type: "string", required: true },
    acceptanceDueAt: { type: "string" },
    firstContactDueAt: { type: "string" },
    breaches: { type: CustomAttributeType<BreachKind[]>("any"), required: true, default: () => [] },
    /**
     * Partition keys of the indexes that only hold referrals with an organisation, a referrer or an
     * assignee: "none" keeps the rest out of them (ElectroDB index conditions need every composite).
     */
    organisationKey: indexKeyOf("organisationId"),
    referrerKey: indexKeyOf("referrerId"),
    assigneeKey: indexKeyOf("assignedTo"),
    /** When the service-level sweep must next look at it; "none" once no timer runs, when it leaves the index. */
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
    /** Open referrals of the area by status (the triage queue); finished ones leave it. */
    byStatus: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["areaId", "status"] },
      sk: { field: "gsi1sk", composite: ["queueRank", "receivedAt", "referralId"] },
      condition: (attributes) => openStatuses.includes(attributes.status as ReferralStatus),
    },
    /** An organisation's allocations and cases; referrals never allocated are not in it. */
    byOrganisation: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["organisationKey"] },
      sk: { field: "gsi2sk", composite: ["status", "queueRank", "receivedAt", "referralId"] },
      condition: (attributes) => attributes.organisationKey !== absent,
    },
    /** A referrer's own referrals; self-referrals have no referrer and are not in it. */
    byReferrer: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["referrerKey"] },
      sk: { field: "gsi3sk", composite: ["receivedAt", "referralId"] },
      condition: (attributes) => attributes.referrerKey !== absent,
    },
    /** A link worker's caseload. */
    byAssignee: {
      index: "gsi4",
      pk: { field: "gsi4pk", composite: ["assigneeKey"] },
      sk: { field: "gsi4sk", composite: ["status", "receivedAt", "referralId"] },
      condition: (attributes) => attributes.assigneeKey !== absent,
    },
    /** Everything the area received, newest first, one partition per month. */
    byReceived: {
      index: "gsi5",
      pk: { field: "gsi5pk", composite: ["areaId", "receivedMonth"] },
      sk: { field: "gsi5sk", composite: ["receivedAt", "referralId"] },
    },
    /** Referrals whose timer the sweep must look at; the rest are not in it. */
    byNextSweep: {
      index: "gsi6",
      pk: { field: "gsi6pk", composite: ["areaId", "sweepState"] },
      sk: { field: "gsi6sk", composite: ["nextSweepAt", "referralId"] },
      condition: (attributes) => attributes.sweepState === "due",
    },
  },
});
