import { z } from "zod";
import { ClosureReason, NeedDomain, Priority, ReferralSource, RiskFlag, SupportLevel } from "./schema";

const note = z.string().optional();
const organisationId = z.string();

/**
 * Events about a referral. They carry ids and facts, never a person's identifying details:
 * whoever needs those reads the record, and that read is scoped and audited. Free-text notes
 * and reasons are the professionals' own words about the referral, kept for its timeline.
 */
export const referralEvents = {
  "referral.received": z.object({
    referralId: z.string(),
    source: ReferralSource,
    practiceOds: z.string().optional(),
    needs: z.array(NeedDomain),
    riskFlags: z.array(RiskFlag),
    priority: Priority.optional(),
    knownPerson: z.boolean().optional(),
    otherOpenReferrals: z.number().int().min(0).optional(),
  }),
  "referral.triaged": z.object({
    priority: Priority,
    supportLevel: SupportLevel,
    needs: z.array(NeedDomain),
    riskFlags: z.array(RiskFlag),
    note,
  }),
  "referral.signposted": z.object({ reason: z.literal("signposted"), note }),
  "referral.allocated": z.object({
    organisationId,
    note,
    eligible: z.boolean().optional(),
    score: z.number().optional(),
  }),
  "referral.accepted": z.object({ organisationId }),
  "referral.declined": z.object({ organisationId, reason: z.string() }),
  "referral.allocation_expired": z.object({ organisationId }),
  "referral.claimed": z.object({ organisationId, linkWorkerId: z.string() }),
  "referral.first_contact_made": z.object({ linkWorkerId: z.string() }),
  "referral.closed": z.object({ reason: ClosureReason, note }),
  "referral.reopened": z.object({ reason: z.string(), linkWorkerId: z.string().optional() }),
  "referral.withdrawn": z.object({ reason: z.string() }),
  /** A service-level timer ran out; the referral stays where it is and shows as overdue. */
  "referral.triage_overdue": z.object({ dueAt: z.iso.datetime() }),
  "referral.first_contact_overdue": z.object({
    dueAt: z.iso.datetime(),
    linkWorkerId: z.string().optional(),
  }),
};
