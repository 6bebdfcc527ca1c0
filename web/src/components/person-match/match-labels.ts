import type { PersonMatch } from "@linkwork/core/person/requests";

type Field = PersonMatch["differences"][number];

export const matchFieldLabels: Record<Field, string> = {
  givenName: "Given name",
  familyName: "Family name",
  dateOfBirth: "Date of birth",
  postcode: "Postcode",
  phone: "Phone",
  email: "Email",
};

/** Why the coordinator is asked: what is known, and what does not agree. */
export function explainMatch(match: Pick<PersonMatch, "basis" | "differences">): string {
  if (match.basis === "identity")
    return "Someone with the same name, date of birth and postcode is already known. There is no NHS number to show it is the same person.";
  if (match.differences.length === 0)
    return "The details agree with someone already known. A self-referral joins their record only when you confirm it.";
  return "Someone with this NHS number is already known, but some details in this referral differ from their record.";
}
