import { CustomAttributeType, createSchema } from "electrodb";
import type { NeedDomain } from "../referral/schema";
import {
  type ConnectionStatus,
  connectionSectors,
  connectionStatuses,
  contactMethods,
  contactOutcomes,
  escalationStatuses,
  escalationTargets,
  type GoalStatus,
  measureStages,
  measureTools,
} from "./vocabulary";

export interface StoredGoal {
  goalId: string;
  text: string;
  importance: number;
  status: GoalStatus;
  actions?: string;
}

export interface StoredPlan {
  goals: StoredGoal[];
  reviewOn?: string;
}

export interface ConnectionHistoryEntry {
  status: ConnectionStatus;
  at: string;
  by: string;
  byName?: string;
}

/**
 * A case lives in its referral's partition: each of its items below shares the referral's partition
 * key and the "casework" collection, so the whole case is one query. The referral item itself keeps
 * its own keys and is not in the collection.
 *
 * The case's own record: versioned, +1 on every change to the case of any kind.
 */
export const caseRecordSchema = createSchema({
  model: { entity: "caseRecord", version: "1", service: "linkwork" },
  attributes: {
    referralId: { type: "string", required: true, readOnly: true },
    version: { type: "number", required: true },
    /** "What matters to me", in the person's own words. */
    whatMatters: { type: "string" },
    plan: { type: CustomAttributeType<StoredPlan>("any"), required: true, default: () => ({ goals: [] }) },
    /** 0 until the first plan is saved. */
    planVersion: { type: "number", required: true, default: () => 0 },
    /** Consecutive failed contact attempts since the last contact made. */
    failedAttempts: { type: "number", required: true, default: () => 0 },
    contactCount: { type: "number", required: true, default: () => 0 },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byReferral: {
      collection: "casework",
      pk: { field: "pk", composite: ["referralId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

/** The plan as saved at one plan version: the plan's history. */
export const planRevisionSchema = createSchema({
  model: { entity: "planRevision", version: "1", service: "linkwork" },
  attributes: {
    referralId: { type: "string", required: true, readOnly: true },
    /** The plan version, zero-padded so revisions sort in order. */
    revision: { type: "string", required: true, readOnly: true },
    planVersion: { type: "number", required: true, readOnly: true },
    whatMatters: { type: "string", readOnly: true },
    goals: { type: CustomAttributeType<StoredGoal[]>("any"), required: true, readOnly: true },
    reviewOn: { type: "string", readOnly: true },
    savedAt: { type: "string", required: true, readOnly: true },
    savedBy: { type: "string", required: true, readOnly: true },
    savedByName: { type: "string", readOnly: true },
  },
  indexes: {
    byReferral: {
      collection: "casework",
      pk: { field: "pk", composite: ["referralId"] },
      sk: { field: "sk", composite: ["revision"] },
    },
  },
});

/** One contact or attempted contact with the person. */
export const caseContactSchema = createSchema({
  model: { entity: "caseContact", version: "1", service: "linkwork" },
  attributes: {
    referralId: { type: "string", required: true, readOnly: true },
    /** Sorts by when the contact happened (a ULID of `at`), not when it was recorded. */
    contactId: { type: "string", required: true, readOnly: true },
    at: { type: "string", required: true, readOnly: true },
    method: { type: contactMethods, required: true, readOnly: true },
    outcome: { type: contactOutcomes, required: true, readOnly: true },
    durationMinutes: { type: "number", readOnly: true },
    note: { type: "string", readOnly: true },
    recordedAt: { type: "string", required: true, readOnly: true },
    recordedBy: { type: "string", required: true, readOnly: true },
    recordedByName: { type: "string", readOnly: true },
  },
  indexes: {
    byReferral: {
      collection: "casework",
      pk: { field: "pk", composite: ["referralId"] },
      sk: { field: "sk", composite: ["contactId"] },
    },
  },
});

/** One outcome measure as recorded: the answers and the score they gave. */
export const caseMeasureSchema = createSchema({
  model: { entity: "caseMeasure", version: "1", service: "linkwork" },
  attributes: {
    referralId: { type: "string", required: true, readOnly: true },
    measureId: { type: "string", required: true, readOnly: true },
    tool: { type: measureTools, required: true, readOnly: true },
    stage: { type: measureStages, required: true, readOnly: true },
    answers: { type: "any", required: true, readOnly: true },
    score: { type: "any", required: true, readOnly: true },
    recordedAt: { type: "string", required: true, readOnly: true },
    recordedBy: { type: "string", required: true, readOnly: true },
    recordedByName: { type: "string", readOnly: true },
  },
  indexes: {
    byReferral: {
      collection: "casework",
      pk: { field: "pk", composite: ["referralId"] },
      sk: { field: "sk", composite: ["measureId"] },
    },
  },
});

/** An onward referral to a service ("a connection"), with the history of its status. */
export const caseConnectionSchema = createSchema({
  model: { entity: "caseConnection", version: "1", service: "linkwork" },
  attributes: {
    referralId: { type: "string", required: true, readOnly: true },
    connectionId: { type: "string", required: true, readOnly: true },
    version: { type: "number", required: true },
    /** The directory's service, once the directory of services exists; until then free text only. */
    serviceId: { type: "string" },
    serviceName: { type: "string", required: true },
    sector: { type: connectionSectors, required: true },
    need: { type: CustomAttributeType<NeedDomain>("string"), required: true },
    status: { type: connectionStatuses, required: true },
    history: { type: CustomAttributeType<ConnectionHistoryEntry[]>("any"), required: true },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byReferral: {
      collection: "casework",
      pk: { field: "pk", composite: ["referralId"] },
      sk: { field: "sk", composite: ["connectionId"] },
    },
  },
});

/** A referral back to the GP, to adult social care, or a safeguarding concern. */
export const caseEscalationSchema = createSchema({
  model: { entity: "caseEscalation", version: "1", service: "linkwork" },
  attributes: {
    referralId: { type: "string", required: true, readOnly: true },
    escalationId: { type: "string", required: true, readOnly: true },
    version: { type: "number", required: true },
    to: { type: escalationTargets, required: true, readOnly: true },
    note: { type: "string", required: true, readOnly: true },
    raisedAt: { type: "string", required: true, readOnly: true },
    raisedBy: { type: "string", required: true, readOnly: true },
    raisedByName: { type: "string", readOnly: true },
    status: { type: escalationStatuses, required: true },
    resolvedAt: { type: "string" },
    resolvedBy: { type: "string" },
    resolvedByName: { type: "string" },
    resolutionNote: { type: "string" },
  },
  indexes: {
    byReferral: {
      collection: "casework",
      pk: { field: "pk", composite: ["referralId"] },
      sk: { field: "sk", composite: ["escalationId"] },
    },
  },
});

/**
 * The area's queue of open escalations, oldest first. It holds no names: whoever reads the queue
 * reads each referral through the policy. Written with the escalation; resolving it marks it
 * resolved and lets it expire (the API may not delete), and the queue reads only unresolved ones.
 */
export const openEscalationSchema = createSchema({
  model: { entity: "openEscalation", version: "1", service: "linkwork" },
  attributes: {
    areaId: { type: "string", required: true, readOnly: true },
    raisedAt: { type: "string", required: true, readOnly: true },
    escalationId: { type: "string", required: true, readOnly: true },
    referralId: { type: "string", required: true, readOnly: true },
    to: { type: escalationTargets, required: true, readOnly: true },
    organisationId: { type: "string", readOnly: true },
    reference: { type: "string", required: true, readOnly: true },
    raisedByName: { type: "string", readOnly: true },
    personInitials: { type: "string", readOnly: true },
    resolvedAt: { type: "string" },
    /** Epoch seconds: the table's time to live removes a resolved item a week after. */
    expiresAt: { type: "number" },
  },
  indexes: {
    byArea: {
      pk: { field: "pk", composite: ["areaId"] },
      sk: { field: "sk", composite: ["raisedAt", "escalationId"] },
    },
  },
});
