import { randomInt } from "node:crypto";

// Crockford base 32 without I, L, O and U: nothing to misread when it is spoken on the phone.
const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A short reference a person can quote, like LW-7K3M-Q9P2. */
export function createReference(): string {
  const characters = Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join("");
  return `LW-${characters.slice(0, 4)}-${characters.slice(4)}`;
}
