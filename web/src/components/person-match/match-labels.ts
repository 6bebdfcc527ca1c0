import type { PersonMatch } from "@linkwork/core/person/requests";
import type { ReferralSource } from "@linkwork/core/referral/schema";
import type { MatchField } from "./match-rows";

export const matchFieldLabels: Record<MatchField, string> = {
  givenName: "Given name",
  familyName: "Family name",
  dateOfBirth: "Date of birth",
  postcode: "Postcode",
  phone: "Phone",
  email: "Email",
};

/**
 * Why the coordinator is asked: what is known, and what does not agree. `differences` are the
 * details that differ as the panel shows them now, so the sentence and the marks always agree.
 */
export function explainMatch(
  basis: PersonMatch["basis"],
  differences: readonly MatchField[],
  source: ReferralSource,
): string {
  if (basis === "identity")
    return "Someone with the same name, date of birth and postcode is already known. There is no NHS number to show it is the same person.";
  if (differences.length === 0)
    return source === "self"
      ? "The details agree with someone already known. A self-referral joins their record only when you confirm it."
      : "The details agree with someone already known. This referral joins their record only when you confirm it.";
  return "Someone with this NHS number is already known, but some details in this referral differ from their record.";
}
