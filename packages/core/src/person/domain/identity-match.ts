import { normaliseEmail, normalisePhone } from "./contact";
import { compareNames, type NameAgreement, transliterateName } from "./name";

/** What matching compares about a person: what a record holds and what a referral says. */
export interface IdentityFacts {
  nhsNumber?: string | undefined;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  postcode: string;
  phone?: string | undefined;
  email?: string | undefined;
}

export const comparedFields = [
  "givenName",
  "familyName",
  "dateOfBirth",
  "postcode",
  "phone",
  "email",
] as const;
export type ComparedField = (typeof comparedFields)[number];

/** How the match was found: the same NHS number on both sides, or only name, birth date and postcode. */
export type MatchBasis = "nhs_number" | "identity";

export type MatchVerdict =
  | { kind: "same_person" }
  | {
      kind: "possible_match";
      basis: MatchBasis;
      /** The fields that do not agree exactly (a name agreeing only without accents counts). */
      differences: ComparedField[];
    }
  | { kind: "different_person" };

const compactPostcode = (postcode: string) => postcode.replace(/\s/g, "").toUpperCase();

/**
 * The key people are looked up by when there is no NHS number to go on: family name without
 * accents, date of birth, postcode. It only gathers candidates; `matchVerdict` decides about each.
 */
export function identityKey(person: Pick<IdentityFacts, "familyName" | "dateOfBirth" | "postcode">): string {
  const familyName = transliterateName(person.familyName) || person.familyName.trim();
  return `${familyName}|${person.dateOfBirth}|${compactPostcode(person.postcode)}`;
}

function contactDiffers(
  left: string | undefined,
  right: string | undefined,
  normalise: (value: string) => string,
) {
  // Only two different values disagree: one side not knowing the number is no evidence either way.
  return left !== undefined && right !== undefined && normalise(left) !== normalise(right);
}

/** Which compared fields disagree, and how each name agrees. */
export function compareIdentity(record: IdentityFacts, referral: IdentityFacts) {
  const givenName = compareNames(record.givenName, referral.givenName);
  const familyName = compareNames(record.familyName, referral.familyName);
  const disagrees: Record<ComparedField, boolean> = {
    givenName: givenName !== "same",
    familyName: familyName !== "same",
    dateOfBirth: record.dateOfBirth !== referral.dateOfBirth,
    postcode: compactPostcode(record.postcode) !== compactPostcode(referral.postcode),
    phone: contactDiffers(record.phone, referral.phone, normalisePhone),
    email: contactDiffers(record.email, referral.email, normaliseEmail),
  };
  return {
    givenName,
    familyName,
    differences: comparedFields.filter((field) => disagrees[field]),
  } satisfies { givenName: NameAgreement; familyName: NameAgreement; differences: ComparedField[] };
}

/**
 * Whether a referral is about the person a record describes.
 * - The same NHS number and every compared field agreeing: the same person.
 * - The same NHS number but anything differing (a new postcode, or someone quoting another's
 *   number): a possible match for a coordinator to confirm, never a change to the record.
 * - Different NHS numbers: different people.
 * - Otherwise only name, birth date and postcode can say: when both names agree (at least without
 *   accents) and birth date and postcode are the same, a possible match; never the same person
 *   without a human, because twins and namesakes share all of these. Contact details do not
 *   separate people here: one may simply have a new phone.
 */
export function matchVerdict(record: IdentityFacts, referral: IdentityFacts): MatchVerdict {
  const comparison = compareIdentity(record, referral);
  if (record.nhsNumber && referral.nhsNumber) {
    if (record.nhsNumber !== referral.nhsNumber) return { kind: "different_person" };
    if (comparison.differences.length === 0) return { kind: "same_person" };
    return { kind: "possible_match", basis: "nhs_number", differences: comparison.differences };
  }
  const namesAgree = comparison.givenName !== "different" && comparison.familyName !== "different";
  const bornAndLivingAlike =
    !comparison.differences.includes("dateOfBirth") && !comparison.differences.includes("postcode");
  if (!namesAgree || !bornAndLivingAlike) return { kind: "different_person" };
  return { kind: "possible_match", basis: "identity", differences: comparison.differences };
}

/** Who vouches for the details: staff who know the person, or nobody (a self-referral). */
export type Claimant = "staff" | "public";

/**
 * A self-referral is an identity claim nobody has checked, so even one agreeing in every detail
 * with a known NHS number waits for a coordinator rather than joining that person's record.
 */
export function verdictFor(claimant: Claimant, verdict: MatchVerdict): MatchVerdict {
  if (claimant === "public" && verdict.kind === "same_person")
    return { kind: "possible_match", basis: "nhs_number", differences: [] };
  return verdict;
}
