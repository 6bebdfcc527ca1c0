// zod/mini, not classic zod: the relay and every subscriber parse events, and stay small.
import * as z from "zod/mini";
import { needDomains } from "../referral/vocabulary";
import {
  connectionSectors,
  connectionStatuses,
  contactMethods,
  contactOutcomes,
  escalationTargets,
  measureStages,
  measureTools,
} from "./vocabulary";

const count = z.int().check(z.minimum(0));

/**
 * Events about the casework on a referral. The timeline shows them to everyone who may see the
 * referral, so they carry ids and coded facts only: never a contact note, a plan's words or an
 * escalation's note, which stay on the case behind its policy.
 */
export const caseEvents = {
  "case.contact_recorded": z.object({
    contactId: z.string(),
    at: z.iso.datetime(),
    method: z.enum(contactMethods),
    outcome: z.enum(contactOutcomes),
    durationMinutes: z.optional(count),
    failedAttempts: count,
    contactCount: count,
  }),
  "case.plan_saved": z.object({
    planVersion: z.int().check(z.minimum(1)),
    goals: count,
    reviewOn: z.optional(z.iso.date()),
  }),
  "case.connection_added": z.object({
    connectionId: z.string(),
    serviceId: z.optional(z.string()),
    sector: z.enum(connectionSectors),
    need: z.enum(needDomains),
    status: z.enum(connectionStatuses),
  }),
  "case.connection_updated": z.object({
    connectionId: z.string(),
    sector: z.enum(connectionSectors),
    need: z.enum(needDomains),
    fromStatus: z.enum(connectionStatuses),
    status: z.enum(connectionStatuses),
  }),
  "case.escalated": z.object({
    escalationId: z.string(),
    to: z.enum(escalationTargets),
    organisationId: z.optional(z.string()),
  }),
  /** Scores are coded numbers and statuses, never free text: reporting reads them as they are. */
  "case.measure_recorded": z.object({
    measureId: z.string(),
    tool: z.enum(measureTools),
    stage: z.enum(measureStages),
    score: z.record(z.string(), z.unknown()),
  }),
  "case.escalation_resolved": z.object({
    escalationId: z.string(),
    to: z.enum(escalationTargets),
  }),
};
