import { finishedStatuses, type ReferralStatus } from "../../referral/schema";
import { type FoldedWord, type NamedPerson, nameMatches, nameQueryOf } from "./name-words";
import type { SearchTerms } from "./query";

/** What a search reads of a referral to decide whether it matches and where it goes. */
export interface SearchableReferral {
  referralId: string;
  reference: string;
  status: ReferralStatus;
  receivedAt: string;
  person: NamedPerson & { nhsNumber?: string | undefined };
}

/** The most a search shows: more than a screen of people means the query needs more of the name. */
export const resultLimit = 50;

/** Matches the person's NHS number or the referral's reference: the one being asked for. */
export function matchesIdentifier(referral: SearchableReferral, terms: SearchTerms): boolean {
  return (
    (terms.nhsNumber !== undefined && referral.person.nhsNumber === terms.nhsNumber) ||
    (terms.reference !== undefined && referral.reference === terms.reference)
  );
}

/** Whether the referral matches; pass the name's words folded once when matching many. */
export function matchesSearch(
  referral: SearchableReferral,
  terms: SearchTerms,
  nameQuery: readonly FoldedWord[] = nameQueryOf(terms.nameWords),
): boolean {
  return matchesIdentifier(referral, terms) || nameMatches(nameQuery, referral.person);
}

/**
 * Best first: an exact NHS number or reference, then referrals still open before finished ones,
 * then the newest; the id settles ties so the order never changes between two searches.
 */
export function rankResults<Item extends SearchableReferral>(
  items: readonly Item[],
  terms: SearchTerms,
): Item[] {
  const open = (item: Item) => !finishedStatuses.includes(item.status);
  return [...items].sort(
    (left, right) =>
      Number(matchesIdentifier(right, terms)) - Number(matchesIdentifier(left, terms)) ||
      Number(open(right)) - Number(open(left)) ||
      right.receivedAt.localeCompare(left.receivedAt) ||
      left.referralId.localeCompare(right.referralId),
  );
}
