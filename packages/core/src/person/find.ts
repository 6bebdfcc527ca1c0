import type { Context } from "../context";
import { identityKey } from "./identity";
import type { PersonDetails } from "./schema";

/**
 * Finds the person a referral is about, if they are already known: by NHS number when there is
 * one; otherwise, or when that number is new to us, by family name, date of birth and postcode
 * among people recorded without an NHS number.
 */
export async function findKnownPerson(context: Context, person: PersonDetails) {
  const { entities } = context.db;
  if (person.nhsNumber) {
    const claim = await entities.personNhsNumber
      .get({ nhsNumber: person.nhsNumber })
      .go({ consistent: true });
    if (claim.data) {
      const known = await entities.person.get({ personId: claim.data.personId }).go({ consistent: true });
      if (known.data) return known.data;
    }
  }
  const byIdentity = await entities.person.query.byIdentity({ identityKey: identityKey(person) }).go();
  return byIdentity.data.find((candidate) => !candidate.nhsNumber);
}
