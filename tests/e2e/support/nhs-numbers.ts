import { nhsCheckDigit } from "@linkwork/core/person/domain/nhs-number";

/** A valid NHS number in the 999 range kept for testing, different on each call. */
export function testNhsNumber(): string {
  for (;;) {
    const firstNine = `999${String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0")}`;
    const check = nhsCheckDigit(firstNine);
    if (check !== undefined) return `${firstNine}${check}`;
  }
}
