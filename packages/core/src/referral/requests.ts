import * as z from "zod";
import { ClosureReason, NeedDomain, Priority, RiskFlag, SupportLevel } from "./schema";

/** Every change names the version it was made against, so a stale screen cannot overwrite. */
export const Version = z
  .number({ error: "Send the version of the referral you are changing" })
  .int()
  .min(1)
  .meta({ description: "The referral's version when you loaded it" });

const distinct = <T>(items: T[]) => new Set(items).size === items.length;
const note = z.string().trim().max(2000, "Keep the note to 2000 characters or fewer").optional();
const reason = (message: string) => z.string({ error: message }).trim().min(1, message).max(2000);

export const VersionOnly = z.object({ version: Version }).meta({ id: "VersionOnly" });

export const TriageRequest = z
  .object({
    version: Version,
    priority: Priority,
    supportLevel: SupportLevel,
    needs: z
      .array(NeedDomain, { error: "Choose at least one need" })
      .min(1, "Choose at least one need")
      .refine(distinct, "Each need may be chosen once"),
    riskFlags: z.array(RiskFlag).refine(distinct, "Each risk flag may be chosen once").default([]),
    note,
  })
  .meta({ id: "TriageRequest" });
export type TriageRequest = z.infer<typeof TriageRequest>;

export const SignpostRequest = z.object({ version: Version, note }).meta({ id: "SignpostRequest" });

export const AllocateRequest = z
  .object({
    version: Version,
    organisationId: z
      .string({ error: "Choose an organisation" })
      .min(1, "Choose an organisation")
      .max(64, "Choose an organisation from the options"),
    note,
  })
  .meta({ id: "AllocateRequest" });
export type AllocateRequest = z.infer<typeof AllocateRequest>;

export const DeclineRequest = z
  .object({ version: Version, reason: reason("Say why the organisation cannot take this referral") })
  .meta({ id: "DeclineRequest" });

export const CloseRequest = z
  .object({
    version: Version,
    reason: ClosureReason,
    summary: z
      .string({ error: "Write a summary of the support for the message back to the GP and referrer" })
      .trim()
      .min(1, "Write a summary of the support for the message back to the GP and referrer")
      .max(4000, "Keep the summary to 4000 characters or fewer")
      .meta({ description: "What support achieved: the message back tells the GP and referrer this" }),
    note,
  })
  .meta({ id: "CloseRequest" });

const linkWorkerId = z
  .string({ error: "Choose a link worker" })
  .trim()
  .min(1, "Choose a link worker")
  .max(64, "Choose a link worker from your organisation");

export const AssignRequest = z.object({ version: Version, linkWorkerId }).meta({ id: "AssignRequest" });

export const ReassignRequest = z
  .object({
    version: Version,
    linkWorkerId,
    reason: reason("Say why the case is moving, for example leave or part-time cover"),
  })
  .meta({ id: "ReassignRequest" });

export const ReturnToTriageRequest = z
  .object({ version: Version, reason: reason("Say why the referral is going back to triage") })
  .meta({ id: "ReturnToTriageRequest" });

export const ReopenRequest = z
  .object({ version: Version, reason: reason("Say why the referral is being reopened") })
  .meta({ id: "ReopenRequest" });

export const WithdrawRequest = z
  .object({ version: Version, reason: reason("Say why the referral is being withdrawn") })
  .meta({ id: "WithdrawRequest" });

export const CapacityRequest = z
  .object({
    caseloadLimit: z
      .number({ error: "Enter the caseload limit as a whole number" })
      .int("Enter the caseload limit as a whole number")
      .min(0, "The caseload limit cannot be negative")
      .max(
        250,
        "The caseload limit cannot be more than 250 (NHS England guidance is 200 to 250 people a year)",
      ),
    version: z.number().int().min(1).optional(),
  })
  .meta({ id: "CapacityRequest" });
