import * as z from "zod";
import { CaseAction } from "../policy/domain/actions";
import { NeedDomain, ReferralStatus } from "../referral/schema";
import { Measure, MeasureComparison } from "./measure-schema";
import {
  connectionSectors,
  connectionStatuses,
  contactMethods,
  contactOutcomes,
  domainStatuses,
  escalationStatuses,
  escalationTargets,
  goalStatuses,
} from "./vocabulary";

export const ContactMethod = z.enum(contactMethods, {
  error: "Choose how you contacted the person: phone, face to face, home visit, video, text, email or letter",
});
export const ContactOutcome = z.enum(contactOutcomes, {
  error: "Choose the outcome: made contact, no answer, left message or did not attend",
});
export const DomainStatus = z.enum(domainStatuses);
export type DomainStatus = z.infer<typeof DomainStatus>;
export const GoalStatus = z.enum(goalStatuses, {
  error: "Choose the goal's status: active, achieved or dropped",
});
export const ConnectionSector = z.enum(connectionSectors, {
  error: "Choose the service's sector: voluntary and community, statutory, private or other",
});
export const ConnectionStatus = z.enum(connectionStatuses, {
  error: "Choose the connection's status: suggested, referred, attended or declined",
});
export const EscalationTarget = z.enum(escalationTargets, {
  error: "Choose where to escalate: back to the GP, adult social care or a safeguarding concern",
});
export const EscalationStatus = z.enum(escalationStatuses);

const caseVersion = (what: string) =>
  z
    .number({ error: `Send the version of the ${what} you are changing` })
    .int(`Send the version of the ${what} you are changing`)
    .min(1, `Send the version of the ${what} you are changing`);

const text = (message: string, max: number) =>
  z.string({ error: message }).trim().min(1, message).max(max, `Keep it to ${max} characters or fewer`);

export const Contact = z
  .object({
    contactId: z.string(),
    at: z.iso.datetime().meta({ description: "When the contact (or the attempt) happened" }),
    method: ContactMethod,
    outcome: ContactOutcome,
    durationMinutes: z.number().int().optional(),
    note: z.string().optional(),
    recordedAt: z.iso.datetime(),
    recordedBy: z.string(),
    recordedByName: z.string().optional(),
  })
  .meta({ id: "Contact" });
export type Contact = z.infer<typeof Contact>;

export const ContactRequest = z
  .object({
    at: z.iso.datetime({
      offset: true,
      error: "Enter when the contact happened, as a date and time like 2026-12-01T10:30:00Z",
    }),
    method: ContactMethod,
    outcome: ContactOutcome,
    durationMinutes: z
      .number({ error: "Enter the duration in whole minutes" })
      .int("Enter the duration in whole minutes")
      .min(1, "The duration must be at least 1 minute")
      .max(600, "The duration must be 600 minutes (10 hours) or fewer")
      .optional(),
    note: z.string().trim().max(4000, "Keep the note to 4000 characters or fewer").optional(),
  })
  .meta({ id: "ContactRequest" });
export type ContactRequest = z.infer<typeof ContactRequest>;

export const Goal = z
  .object({
    goalId: z.string(),
    text: z.string(),
    importance: z.number().int().meta({ description: "How much it matters to the person, 1 to 10" }),
    status: GoalStatus,
    actions: z.string().optional().meta({ description: "What the person and the worker will do" }),
  })
  .meta({ id: "Goal" });
export type Goal = z.infer<typeof Goal>;

export const GoalRequest = z
  .object({
    goalId: z
      .string()
      .max(64)
      .optional()
      .meta({ description: "The goal's id when changing a goal already in the plan; absent for a new goal" }),
    text: text("Describe the goal", 500),
    importance: z
      .number({ error: "Give the goal's importance to the person from 1 to 10" })
      .int("Give the goal's importance as a whole number from 1 to 10")
      .min(1, "Give the goal's importance from 1 to 10")
      .max(10, "Give the goal's importance from 1 to 10"),
    status: GoalStatus.default("active"),
    actions: z.string().trim().max(2000, "Keep the actions to 2000 characters or fewer").optional(),
  })
  .meta({ id: "GoalRequest" });

export const PlanRequest = z
  .object({
    version: z
      .number({ error: "Send the plan's version when you loaded it (0 before the first save)" })
      .int("Send the plan's version when you loaded it (0 before the first save)")
      .min(0, "Send the plan's version when you loaded it (0 before the first save)"),
    whatMatters: z
      .string({ error: "Enter what matters to the person, in their own words" })
      .trim()
      .max(4000, "Keep what matters to 4000 characters or fewer")
      .meta({ description: "In the person's own words; empty until they have said" }),
    goals: z
      .array(GoalRequest, { error: "Send the plan's goals as a list" })
      .max(20, "A plan may have at most 20 goals"),
    reviewOn: z.iso.date({ error: "Enter the review date, like 2027-01-15" }),
  })
  .meta({ id: "PlanRequest" });
export type PlanRequest = z.infer<typeof PlanRequest>;
export type PlanRequestInput = z.input<typeof PlanRequest>;

export const PlanRevision = z
  .object({
    version: z.number().int(),
    whatMatters: z.string().optional(),
    goals: z.array(Goal),
    reviewOn: z.iso.date().optional(),
    savedAt: z.iso.datetime(),
    savedBy: z.string(),
    savedByName: z.string().optional(),
  })
  .meta({ id: "PlanRevision" });
export type PlanRevision = z.infer<typeof PlanRevision>;

export const Plan = z
  .object({
    version: z.number().int().meta({ description: "0 until the first plan is saved" }),
    goals: z.array(Goal),
    reviewOn: z.iso.date().optional(),
    history: z.array(PlanRevision).meta({ description: "Every saved version of the plan, newest first" }),
  })
  .meta({ id: "Plan" });
export type Plan = z.infer<typeof Plan>;

export const ConnectionHistoryEntry = z.object({
  status: ConnectionStatus,
  at: z.iso.datetime(),
  by: z.string(),
  byName: z.string().optional(),
});

export const Connection = z
  .object({
    connectionId: z.string(),
    version: z.number().int(),
    serviceId: z.string().optional(),
    serviceName: z.string(),
    sector: ConnectionSector,
    need: NeedDomain,
    status: ConnectionStatus,
    history: z
      .array(ConnectionHistoryEntry)
      .meta({ description: "Each status with when it was set, oldest first" }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Connection" });
export type Connection = z.infer<typeof Connection>;

export const ConnectionRequest = z
  .object({
    serviceId: z
      .string()
      .trim()
      .min(1)
      .max(100, "Choose the service from the directory")
      .optional()
      .meta({ description: "The directory's id of the service, when it was chosen from the directory" }),
    serviceName: text("Enter the name of the service", 200),
    sector: ConnectionSector,
    need: NeedDomain,
    status: ConnectionStatus.default("suggested"),
  })
  .meta({ id: "ConnectionRequest" });
export type ConnectionRequest = z.infer<typeof ConnectionRequest>;

export const ConnectionStatusRequest = z
  .object({ version: caseVersion("connection"), status: ConnectionStatus })
  .meta({ id: "ConnectionStatusRequest" });
export type ConnectionStatusRequest = z.infer<typeof ConnectionStatusRequest>;

export const Escalation = z
  .object({
    escalationId: z.string(),
    version: z.number().int(),
    to: EscalationTarget,
    note: z
      .string()
      .optional()
      .meta({ description: "Absent for a triage coordinator, who answers the queue, not the case" }),
    status: EscalationStatus,
    raisedAt: z.iso.datetime(),
    raisedBy: z.string(),
    raisedByName: z.string().optional(),
    resolvedAt: z.iso.datetime().optional(),
    resolvedBy: z.string().optional(),
    resolvedByName: z.string().optional(),
    resolutionNote: z.string().optional(),
  })
  .meta({ id: "Escalation" });
export type Escalation = z.infer<typeof Escalation>;

export const EscalationRequest = z
  .object({
    to: EscalationTarget,
    note: text("Say why you are escalating and what you have done so far", 4000),
  })
  .meta({ id: "EscalationRequest" });
export type EscalationRequest = z.infer<typeof EscalationRequest>;

export const ResolveEscalationRequest = z
  .object({
    version: caseVersion("escalation"),
    note: text("Say how the escalation was resolved", 4000),
  })
  .meta({ id: "ResolveEscalationRequest" });
export type ResolveEscalationRequest = z.infer<typeof ResolveEscalationRequest>;

export const DomainSnapshot = z
  .object({
    at: z.iso.datetime(),
    statuses: z.partialRecord(NeedDomain, DomainStatus),
  })
  .meta({ id: "DomainSnapshot" });
export type DomainSnapshot = z.infer<typeof DomainSnapshot>;

export const Case = z
  .object({
    referralId: z.string(),
    version: z.number().int().meta({ description: "The case's version: 0 until anything is recorded" }),
    referralStatus: ReferralStatus,
    referralVersion: z.number().int().meta({ description: "The referral's version, for closing it" }),
    contacts: z.array(Contact).meta({ description: "Newest first" }),
    contactCount: z.number().int(),
    failedAttempts: z
      .number()
      .int()
      .meta({ description: "Consecutive failed contact attempts since the last contact made" }),
    unableToContactPrompt: z.boolean().meta({
      description:
        "The area's number of failed attempts has been reached: offer to close as unable to contact",
    }),
    whatMatters: z.string().optional(),
    domains: z.object({
      baseline: DomainSnapshot.optional(),
      latest: DomainSnapshot.optional(),
      final: DomainSnapshot.optional(),
    }),
    plan: Plan,
    measures: z.array(Measure),
    measureSummary: z.array(MeasureComparison),
    connections: z.array(Connection),
    escalations: z.array(Escalation).meta({ description: "Open ones first, then newest first" }),
    allowedActions: z.array(CaseAction).meta({
      description: "The casework actions the caller may take now, from the authorisation policy",
    }),
  })
  .meta({ id: "Case" });
export type Case = z.infer<typeof Case>;

export const ContactCreated = z.object({ contact: Contact, case: Case }).meta({ id: "ContactCreated" });
export const ConnectionSaved = z
  .object({ connection: Connection, case: Case })
  .meta({ id: "ConnectionSaved" });
export const EscalationSaved = z
  .object({
    escalation: Escalation,
    case: Case.optional().meta({
      description:
        "The case after the change; absent for a triage coordinator, who sees the queue, not the case",
    }),
  })
  .meta({ id: "EscalationSaved" });
export type EscalationSaved = z.infer<typeof EscalationSaved>;

export const EscalationQueueItem = z
  .object({
    escalationId: z.string(),
    version: z.number().int().meta({
      description: "The escalation's version, to send when resolving it from the queue",
    }),
    referralId: z.string(),
    reference: z.string(),
    to: EscalationTarget,
    raisedAt: z.iso.datetime(),
    raisedByName: z.string().optional(),
    personName: z
      .string()
      .optional()
      .meta({ description: "Only where the referral policy shows the person" }),
    organisationId: z.string().optional(),
    note: z.string().optional().meta({
      description:
        "What the link worker raised, for those who answer the queue; only where the referral policy shows the person",
    }),
  })
  .meta({ id: "EscalationQueueItem" });
export type EscalationQueueItem = z.infer<typeof EscalationQueueItem>;

export const EscalationQueue = z
  .object({ items: z.array(EscalationQueueItem).meta({ description: "Oldest first" }) })
  .meta({ id: "EscalationQueue" });
export type EscalationQueue = z.infer<typeof EscalationQueue>;
