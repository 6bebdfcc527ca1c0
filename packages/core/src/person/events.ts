import * as z from "zod/mini";
import { comparedFields } from "./domain/identity-match";

const basis = z.enum(["nhs_number", "identity"]);

/**
 * Events about whose referral it is. For triage coordinators only: anyone else's timeline leaves
 * them out, since they would tell a referrer that the person was already known.
 */
export const personMatchEvents = {
  /** The referral may be about someone already known; it waits for a coordinator. */
  "referral.possible_match_found": z.object({ basis, differences: z.array(z.enum(comparedFields)) }),
  /** A coordinator confirmed the referral is about the person already known. */
  "referral.possible_match_confirmed": z.object({ basis }),
  /** A coordinator said the referral is about someone else: it keeps its own person record. */
  "referral.possible_match_split": z.object({ basis }),
};

export const coordinatorOnlyEvents: ReadonlySet<string> = new Set(Object.keys(personMatchEvents));
