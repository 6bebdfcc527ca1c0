// zod/mini, not classic zod: the relay and every subscriber parse events, and stay small.
import * as z from "zod/mini";
import {
  closureReasons,
  needDomains,
  priorities,
  referralSources,
  riskFlags,
  supportLevels,
} from "./vocabulary";

const ReferralSource = z.enum(referralSources);
const SupportLevel = z.enum(supportLevels);
const Priority = z.enum(priorities);
const RiskFlag = z.enum(riskFlags);
const NeedDomain = z.enum(needDomains);
const ClosureReason = z.enum(closureReasons);

const note = z.optional(z.string());
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
    practiceOds: z.optional(z.string()),
    needs: z.array(NeedDomain),
    riskFlags: z.array(RiskFlag),
    priority: z.optional(Priority),
    knownPerson: z.optional(z.boolean()),
    otherOpenReferrals: z.optional(z.int().check(z.minimum(0))),
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
    eligible: z.optional(z.boolean()),
    score: z.optional(z.number()),
  }),
  "referral.accepted": z.object({ organisationId }),
  "referral.declined": z.object({ organisationId, reason: z.string() }),
  "referral.allocation_expired": z.object({ organisationId }),
  "referral.claimed": z.object({ organisationId, linkWorkerId: z.string() }),
  "referral.first_contact_made": z.object({ linkWorkerId: z.string() }),
  /** A manager put an accepted referral on a named link worker's caseload. */
  "referral.assigned": z.object({ organisationId, linkWorkerId: z.string() }),
  /** A manager moved a case to another of their link workers (leave, part-time cover). */
  "referral.reassigned": z.object({
    fromLinkWorkerId: z.optional(z.string()),
    linkWorkerId: z.string(),
    reason: z.string(),
  }),
  /** Taken back from the organisation to the triage queue, to be allocated again. */
  "referral.returned_to_triage": z.object({ organisationId, reason: z.string() }),
  "referral.closed": z.object({ reason: ClosureReason, note }),
  "referral.reopened": z.object({ reason: z.string(), linkWorkerId: z.optional(z.string()) }),
  "referral.withdrawn": z.object({ reason: z.string() }),
  /** A service-level timer ran out; the referral stays where it is and shows as overdue. */
  "referral.triage_overdue": z.object({ dueAt: z.iso.datetime() }),
  "referral.first_contact_overdue": z.object({
    dueAt: z.iso.datetime(),
    linkWorkerId: z.optional(z.string()),
  }),
};
