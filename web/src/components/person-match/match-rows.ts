import type { PersonMatch } from "@linkwork/core/person/requests";
import type { Referral } from "@linkwork/core/referral/schema";
import { formatCalendarDate } from "../../format/dates";
import { formatNhsNumber } from "../../format/nhs-number";

export type MatchField = PersonMatch["differences"][number];

/** One compared detail as the panel shows it: this referral's value beside the existing record's. */
export interface MatchRow {
  field: MatchField;
  referral: string | undefined;
  existing: string | undefined;
  differs: boolean;
}

/**
 * The compared details as shown, each marked as differing when both sides give a value and the
 * two shown differ. The existing record may have been corrected since the referral arrived, so
 * this compares it as it is now, not as it was when the match was found. One side not knowing a
 * detail is no evidence either way, as in matching itself.
 */
export function matchRows(person: Referral["person"], candidate: PersonMatch["candidate"]): MatchRow[] {
  const shown: [MatchField, string | undefined, string | undefined][] = [
    ["givenName", person.givenName, candidate.givenName],
    ["familyName", person.familyName, candidate.familyName],
    ["dateOfBirth", formatCalendarDate(person.dateOfBirth), formatCalendarDate(candidate.dateOfBirth)],
    ["postcode", person.postcode, candidate.postcode],
    ["phone", person.phone, candidate.phone],
    ["email", person.email, candidate.email],
  ];
  return shown.map(([field, referral, existing]) => ({
    field,
    referral,
    existing,
    differs: referral !== undefined && existing !== undefined && referral !== existing,
  }));
}

/** The details that differ, in the order the panel shows them. */
export function differingFields(rows: MatchRow[]): MatchField[] {
  return rows.filter((row) => row.differs).map((row) => row.field);
}

/** The NHS numbers as shown: a referral that gives none says so, as does a record that holds none. */
export function nhsNumberCells(referral: string | undefined, existing: string | undefined) {
  return {
    referral: referral ? formatNhsNumber(referral) : "Not given",
    existing: existing ? formatNhsNumber(existing) : "Not recorded",
  };
}
