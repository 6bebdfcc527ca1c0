import { testRangeNhsNumber } from "@linkwork/core/person/domain/nhs-number";

/** A valid NHS number in the 999 range kept for testing, different on each call. */
export function testNhsNumber(): string {
  return testRangeNhsNumber(Math.floor(Math.random() * 1_000_000));
}
