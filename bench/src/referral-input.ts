import { testRangeNhsNumber } from "@linkwork/core/person/domain/nhs-number";
import type { ReferralCreateInput } from "@linkwork/core/referral/schema";

// Past the demo world's numbers, so every benchmark referral is a new person with no open referrals.
let nextSerial = 500_000;

/** A valid NHS number in the 999 range reserved for test data, different on every call. */
export function uniqueNhsNumber(): string {
  const number = testRangeNhsNumber(nextSerial);
  nextSerial = Number(number.slice(3, 9)) + 1;
  return number;
}

/** A GP referral that Community Connect is eligible for once triaged as below. */
export function referralInput(): ReferralCreateInput {
  return {
    person: {
      nhsNumber: uniqueNhsNumber(),
      givenName: "Ada",
      familyName: "Okafor",
      dateOfBirth: "1948-03-14",
      postcode: "NS1 4AB",
      preferredLanguage: "en",
      phone: "01632 960 001",
    },
    source: "gp",
    practiceOds: "A81001",
    reason: "Lives alone since her husband died; low mood and not leaving the house.",
    needs: ["loneliness_isolation", "mental_wellbeing"],
    riskFlags: ["lives_alone"],
    consent: { shareWithProviders: true },
  };
}

export const triageDecision = {
  priority: "soon",
  supportLevel: "supported_connection",
  needs: ["loneliness_isolation", "housing"],
  riskFlags: ["lives_alone"],
} as const;
