import type { PersonDetails } from "./schema";

/** The key that finds a person without an NHS number: family name, date of birth and postcode. */
export function identityKey(person: Pick<PersonDetails, "familyName" | "dateOfBirth" | "postcode">): string {
  const familyName = person.familyName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
  return `${familyName}|${person.dateOfBirth}|${person.postcode.replace(/\s/g, "")}`;
}
