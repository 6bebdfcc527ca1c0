import type { ClosureReason } from "../referral/schema";
import { type SnomedCode, snomedSystem } from "./schema";

/** Recorded when the person was referred to social prescribing: on every message back. */
export const referralToSocialPrescribing: SnomedCode = {
  system: snomedSystem,
  code: "871731000000106",
  display: "Referral to social prescribing service",
};

/** Recorded when the person declined social prescribing. */
export const socialPrescribingDeclined: SnomedCode = {
  system: snomedSystem,
  code: "871711000000103",
  display: "Social prescribing declined",
};

/** The SNOMED CT codes the GP records from the message back. */
export function messageBackCodes(closureReason: ClosureReason): SnomedCode[] {
  return closureReason === "person_declined"
    ? [referralToSocialPrescribing, socialPrescribingDeclined]
    : [referralToSocialPrescribing];
}
