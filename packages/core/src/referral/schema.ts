import * as z from "zod";
import { escalationTargets } from "../casework/vocabulary";
import { comparedFields } from "../person/domain/identity-match";
import { PersonDetails } from "../person/schema";
import { ReferralAction } from "../policy/domain/actions";
import { isJsonObject } from "../util/validation";
import {
  closureReasons,
  needDomains,
  priorities,
  referralSources,
  riskFlags,
  supportLevels,
} from "./vocabulary";

export const ReferralStatus = z.enum([
  "received",
  "triaged",
  "allocated",
  "accepted",
  "assigned",
  "active",
  "closed",
  "withdrawn",
]);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

/** Statuses after which nothing more happens to a referral unless it is reopened. */
export const finishedStatuses: readonly ReferralStatus[] = ["closed", "withdrawn"];

/** Statuses in which a referral is still open: in the status index and on the person's record. */
export const openStatuses: readonly ReferralStatus[] = ReferralStatus.options.filter(
  (status) => !finishedStatuses.includes(status),
);

export const ReferralSource = z.enum(referralSources);
export type ReferralSource = z.infer<typeof ReferralSource>;

export const SupportLevel = z.enum(supportLevels);
export type SupportLevel = z.infer<typeof SupportLevel>;

export const Priority = z.enum(priorities);
export type Priority = z.infer<typeof Priority>;

export const RiskFlag = z.enum(riskFlags);
export type RiskFlag = z.infer<typeof RiskFlag>;

export const NeedDomain = z.enum(needDomains);
export type NeedDomain = z.infer<typeof NeedDomain>;

/** Why support ended (PRSB closure reasons), or why a referral closed at triage. */
export const ClosureReason = z.enum(closureReasons);
export type ClosureReason = z.infer<typeof ClosureReason>;

/** ODS code of a GP practice: a letter then five digits, e.g. A81001. */
export const PracticeOds = z
  .string({ error: "Enter the practice's ODS code, like A81001" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]\d{5}$/, "Practice ODS code must be a letter and five digits, like A81001");

const distinct = <T>(items: T[]) => new Set(items).size === items.length;

const consentQuestion = "Say whether the person agrees to share their details with support providers";

export const Consent = z
  .object({ shareWithProviders: z.boolean({ error: consentQuestion }) }, { error: consentQuestion })
  .meta({ id: "Consent" });

export const ReferralCreate = z
  .object({
    person: PersonDetails,
    source: ReferralSource,
    practiceOds: PracticeOds,
    reason: z
      .string({ error: "Enter the reason for referral" })
      .trim()
      .min(1, "Enter the reason for referral")
      .max(4000, "The reason must be 4000 characters or fewer"),
    needs: z
      .array(NeedDomain, { error: "Choose at least one need" })
      .min(1, "Choose at least one need")
      .refine(distinct, "Each need may be chosen once"),
    riskFlags: z.array(RiskFlag).refine(distinct, "Each risk flag may be chosen once").default([]),
    consent: Consent,
  })
  .refine((referral) => referral.source !== "gp" || Boolean(referral.person.nhsNumber), {
    path: ["person", "nhsNumber"],
    message: "A GP referral must include the person's NHS number",
    // Checked alongside any other problems, so one round trip reports them all.
    // The raw input may be any JSON (`person: null`, an array): only a person object is checked.
    when: ({ value }) =>
      isJsonObject(value) &&
      value.source === "gp" &&
      isJsonObject(value.person) &&
      value.person.nhsNumber === undefined,
  })
  .meta({ id: "ReferralCreate" });
export type ReferralCreate = z.infer<typeof ReferralCreate>;
export type ReferralCreateInput = z.input<typeof ReferralCreate>;

export const PossibleMatchSummary = z
  .object({
    basis: z.enum(["nhs_number", "identity"]).meta({
      description:
        "nhs_number: the NHS number is known but other details differ; identity: name, birth date and postcode agree, with no NHS number to confirm it",
    }),
    differences: z
      .array(z.enum(comparedFields))
      .meta({ description: "The details that differ from the existing person's record" }),
  })
  .meta({ id: "PossibleMatchSummary" });

export const Referral = z
  .object({
    id: z.string(),
    reference: z.string().meta({ description: "Short reference to quote on the phone" }),
    version: z.number().int().min(1),
    status: ReferralStatus,
    source: ReferralSource,
    receivedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    personId: z
      .string()
      .optional()
      .meta({ description: "For triage coordinators only: the person record this referral is attached to" }),
    person: PersonDetails,
    practiceOds: z
      .string()
      .optional()
      .meta({ description: "Absent only on self-referrals that did not name a practice" }),
    reason: z.string(),
    needs: z.array(NeedDomain),
    riskFlags: z.array(RiskFlag),
    consent: Consent,
    priority: Priority.optional(),
    supportLevel: SupportLevel.optional(),
    organisationId: z.string().optional(),
    assignedTo: z.string().optional(),
    assignedToName: z.string().optional(),
    referrerId: z.string().optional(),
    referrerOrganisationId: z.string().optional(),
    triageNote: z.string().optional(),
    closureReason: ClosureReason.optional(),
    closureSummary: z.string().optional().meta({
      description:
        "Once closed: what support achieved, in the link worker's words; what the message back tells the GP and referrer. For those who may read the message back",
    }),
    reviewOn: z.iso.date().optional().meta({
      description: "For the case's link worker and manager: the wellbeing plan's next review (YYYY-MM-DD)",
    }),
    reviewOverdue: z.boolean().optional().meta({
      description: "With reviewOn: the review date has passed (UK date) and the case is still open",
    }),
    failedContactAttempts: z.number().int().min(0).optional().meta({
      description:
        "For the case's link worker and manager: failed contact attempts since the last successful contact",
    }),
    openEscalations: z.array(z.enum(escalationTargets)).optional().meta({
      description:
        "For the case's link worker and manager, and triage coordinators: where the case has open escalations (gp, adult_social_care, safeguarding)",
    }),
    triagedAt: z.iso.datetime().optional(),
    allocatedAt: z.iso.datetime().optional(),
    acceptedAt: z.iso.datetime().optional(),
    assignedAt: z.iso.datetime().optional(),
    firstContactAt: z.iso.datetime().optional(),
    closedAt: z.iso.datetime().optional(),
    serviceLevel: z
      .object({
        step: z.enum(["triage", "acceptance", "first_contact"]),
        dueAt: z.iso.datetime(),
        overdue: z.boolean(),
      })
      .optional()
      .meta({ description: "The service-level timer running now, if any" }),
    breaches: z
      .array(z.enum(["triage", "first_contact"]))
      .meta({ description: "Service levels this referral has missed" }),
    hasOtherOpenReferrals: z.boolean().optional().meta({
      description:
        "For triage coordinators only: the person already had another open referral when this one arrived",
    }),
    otherOpenReferrals: z
      .array(
        z.object({
          id: z.string(),
          reference: z.string(),
          status: ReferralStatus,
          receivedAt: z.iso.datetime(),
        }),
      )
      .optional()
      .meta({
        description: "For triage coordinators only: the person's other referrals that are still open",
      }),
    possibleMatch: PossibleMatchSummary.optional().meta({
      description:
        "For triage coordinators only: the referral may be about someone already known and waits for a coordinator to confirm or split it",
    }),
    allowedActions: z.array(ReferralAction).meta({
      description:
        "The workflow actions the caller may take on this referral now, from the authorisation policy",
    }),
  })
  .meta({ id: "Referral" });
export type Referral = z.infer<typeof Referral>;

export const ReferralList = z
  .object({ items: z.array(Referral), cursor: z.string().optional() })
  .meta({ id: "ReferralList" });

/** What a person asks for when they refer themselves: plain words, and a way to reach them. */
export const SelfReferralCreate = z
  .object({
    person: PersonDetails,
    practiceOds: PracticeOds.optional(),
    reason: z
      .string({ error: "Tell us what you would like help with" })
      .trim()
      .min(1, "Tell us what you would like help with")
      .max(4000, "Please use 4000 characters or fewer"),
    needs: z
      .array(NeedDomain, { error: "Choose at least one thing you would like help with" })
      .min(1, "Choose at least one thing you would like help with")
      .refine(distinct, "Each choice may be made once"),
    consent: Consent,
  })
  .refine((referral) => Boolean(referral.person.phone || referral.person.email), {
    path: ["person", "phone"],
    message: "Give a phone number or an email address so we can contact you",
    when: ({ value }) =>
      isJsonObject(value) &&
      isJsonObject(value.person) &&
      value.person.phone === undefined &&
      value.person.email === undefined,
  })
  .meta({ id: "SelfReferralCreate" });
export type SelfReferralCreate = z.infer<typeof SelfReferralCreate>;
