import { z } from "zod";
import { NeedDomain, Priority, ReferralSource, RiskFlag } from "./schema";

/**
 * Events about a referral. They carry ids and facts, never a person's identifying details:
 * whoever needs those reads the record, and that read is scoped and audited.
 */
export const referralEvents = {
  "referral.received": z.object({
    referralId: z.string(),
    source: ReferralSource,
    practiceOds: z.string(),
    needs: z.array(NeedDomain),
    riskFlags: z.array(RiskFlag),
    priority: Priority.optional(),
  }),
};
