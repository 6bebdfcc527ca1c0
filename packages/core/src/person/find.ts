import type { EntityItem } from "electrodb";
import type { Context } from "../context";
import type { Database } from "../db/database";
import {
  type Claimant,
  type ComparedField,
  identityKey,
  type MatchBasis,
  matchVerdict,
  verdictFor,
} from "./domain/identity-match";
import type { PersonDetails } from "./schema";

export type PersonItem = EntityItem<Database["entities"]["person"]>;

/** What is known about the person a referral is about. */
export type KnownPerson =
  | { kind: "new" }
  /** The same NHS number, and everything compared agrees. */
  | { kind: "same"; person: PersonItem }
  /** Someone it may be, for a coordinator to confirm: the referral gets a record of its own meanwhile. */
  | { kind: "possible"; candidate: PersonItem; basis: MatchBasis; differences: ComparedField[] };

const factsOf = (person: PersonItem) => ({ ...person.details, nhsNumber: person.nhsNumber });

/**
 * Finds the person a referral is about, if they are already known: by NHS number when there is
 * one (strongly consistent, through its claim); otherwise, or when that number is new to us,
 * among people with the same identity key, where a match is only ever possible, never certain.
 * A self-referral (`public`) is never taken as certain either.
 */
export async function findKnownPerson(
  context: Context,
  person: PersonDetails,
  claimant: Claimant,
): Promise<KnownPerson> {
  const { entities } = context.db;
  if (person.nhsNumber) {
    const claim = await entities.personNhsNumber
      .get({ nhsNumber: person.nhsNumber })
      .go({ consistent: true });
    if (claim.data) {
      const known = await entities.person.get({ personId: claim.data.personId }).go({ consistent: true });
      if (known.data && !known.data.mergedInto) {
        const verdict = verdictFor(claimant, matchVerdict(factsOf(known.data), person));
        if (verdict.kind === "same_person") return { kind: "same", person: known.data };
        if (verdict.kind === "possible_match")
          return {
            kind: "possible",
            candidate: known.data,
            basis: verdict.basis,
            differences: verdict.differences,
          };
      }
    }
  }
  const byIdentity = await entities.person.query
    .byIdentity({ identityKey: identityKey(person) })
    .go({ pages: "all" });
  const candidates = byIdentity.data
    .filter((candidate) => !candidate.mergedInto)
    .sort((left, right) => left.createdAt.localeCompare(right.createdAt));
  for (const candidate of candidates) {
    const verdict = matchVerdict(factsOf(candidate), person);
    if (verdict.kind === "possible_match")
      return { kind: "possible", candidate, basis: verdict.basis, differences: verdict.differences };
  }
  return { kind: "new" };
}
