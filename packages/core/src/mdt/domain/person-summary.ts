import { ageOn } from "../../allocation/domain/options";

/** A person as a member without the right to see their name sees them: initials and age. */
export function initialsOf(givenName: string, familyName: string): string {
  return [givenName, familyName]
    .map((name) => Array.from(name.trim())[0]?.toUpperCase())
    .filter((initial): initial is string => initial !== undefined)
    .map((initial) => `${initial}.`)
    .join(" ");
}

export function ageToday(dateOfBirth: string | undefined, now: Date): number | undefined {
  return dateOfBirth ? ageOn(dateOfBirth, now.toISOString().slice(0, 10)) : undefined;
}
