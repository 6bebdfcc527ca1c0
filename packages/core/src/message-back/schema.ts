import * as z from "zod";
import { MeasureComparison } from "../casework/measure-schema";
import { DomainSnapshot } from "../casework/schema";
import {
  connectionSectors,
  connectionStatuses,
  escalationStatuses,
  escalationTargets,
  goalStatuses,
} from "../casework/vocabulary";
import { ClosureReason, NeedDomain, ReferralSource, SupportLevel } from "../referral/schema";

export const snomedSystem = "http://snomed.info/sct";

export const SnomedCode = z
  .object({
    system: z.literal(snomedSystem),
    code: z.string(),
    display: z.string(),
  })
  .meta({ id: "SnomedCode" });
export type SnomedCode = z.infer<typeof SnomedCode>;

const coded = <Code extends z.ZodType>(code: Code) => ({ code, text: z.string() });

export const MessageBackMeasure = z
  .intersection(
    MeasureComparison,
    z.object({
      name: z.string(),
      description: z
        .string()
        .meta({ description: "The comparison in words, as the printable page shows it" }),
    }),
  )
  .meta({
    id: "MessageBackMeasure",
    description:
      "Baseline beside final, with the change. Without a final measure, `final` is absent and `latest` (a review) is compared",
  });
export type MessageBackMeasure = z.infer<typeof MessageBackMeasure>;

/**
 * The message back to the GP and the referrer when support ends, following the PRSB social
 * prescribing "message back" model: who, when, what support, connections, outcome measures with
 * their change, why it closed, and the SNOMED CT codes for the GP record.
 */
export const MessageBack = z
  .object({
    referralId: z.string(),
    reference: z.string(),
    generatedAt: z.iso.datetime(),
    person: z.object({
      name: z.string(),
      nhsNumber: z.string().optional(),
      dateOfBirth: z.string(),
    }),
    practiceOds: z.string().optional(),
    source: z.object(coded(ReferralSource)),
    referrer: z
      .object({ name: z.string().optional(), organisationName: z.string().optional() })
      .optional()
      .meta({ description: "The professional who referred; absent for a self-referral" }),
    organisation: z.object({ id: z.string(), name: z.string() }).optional(),
    linkWorker: z.object({ name: z.string() }).optional(),
    receivedAt: z.iso.datetime(),
    firstContactAt: z.iso.datetime().optional(),
    closedAt: z.iso.datetime(),
    closureReason: ClosureReason,
    closureReasonText: z.string().meta({ description: "The closure reason in words" }),
    summary: z.string().meta({ description: "What support achieved, in the link worker's words" }),
    supportLevel: z.object(coded(SupportLevel)).optional(),
    needs: z.array(z.object(coded(NeedDomain))),
    contactsMade: z.number().int().meta({ description: "Contacts in which the worker reached the person" }),
    contactAttempts: z.number().int().meta({ description: "Every contact and attempt" }),
    goals: z.array(
      z.object({
        text: z.string(),
        importance: z.number().int(),
        status: z.enum(goalStatuses),
        statusText: z.string(),
      }),
    ),
    connections: z.array(
      z.object({
        serviceName: z.string(),
        serviceId: z.string().optional(),
        sector: z.enum(connectionSectors),
        sectorText: z.string(),
        need: NeedDomain,
        needText: z.string(),
        status: z.enum(connectionStatuses),
        statusText: z.string(),
        since: z.iso.datetime().meta({ description: "When it reached its current status" }),
      }),
    ),
    measures: z.array(MessageBackMeasure),
    domains: z.object({ baseline: DomainSnapshot.optional(), final: DomainSnapshot.optional() }),
    escalations: z.array(
      z.object({
        to: z.enum(escalationTargets),
        toText: z.string(),
        raisedAt: z.iso.datetime(),
        status: z.enum(escalationStatuses),
        resolvedAt: z.iso.datetime().optional(),
      }),
    ),
    codes: z.array(SnomedCode).meta({ description: "SNOMED CT codes for the GP record" }),
  })
  .meta({ id: "MessageBack" });
export type MessageBack = z.infer<typeof MessageBack>;
