import type { ReferralCreateInput } from "@linkwork/core/referral/schema";

/*
 * The GP's referrals for the three people whose cases the demo world tells (demo-casework.ts). As in
 * demo-referrals.ts, NHS numbers are in the 999 range reserved for test data and carry valid check
 * digits; phone numbers are from Ofcom's ranges for drama.
 */

export const maureenFletcher: ReferralCreateInput = {
  person: {
    nhsNumber: "9990008019",
    givenName: "Maureen",
    familyName: "Fletcher",
    dateOfBirth: "1956-03-17",
    postcode: "NS1 2PL",
    gender: "female",
    ethnicity: "A",
    preferredLanguage: "en",
    phone: "07700 900 815",
    preferredContactMethod: "phone",
  },
  source: "gp",
  practiceOds: "A81001",
  reason:
    "Retired in the summer after nursing her mother, who died in March. Lives alone and says the days are long; low mood, and her knees keep her indoors. Would like to get out and meet people.",
  needs: ["loneliness_isolation", "physical_activity", "mental_wellbeing"],
  riskFlags: ["lives_alone"],
  consent: { shareWithProviders: true },
};

export const yvonneBaptiste: ReferralCreateInput = {
  person: {
    nhsNumber: "9990009015",
    givenName: "Yvonne",
    familyName: "Baptiste",
    dateOfBirth: "1951-10-04",
    postcode: "NS1 8EJ",
    gender: "female",
    ethnicity: "M",
    preferredLanguage: "en",
    phone: "01632 960 902",
    preferredContactMethod: "phone",
  },
  source: "gp",
  practiceOds: "A81001",
  reason:
    "Her husband moved into a care home in September; she now lives alone and manages the bills for the first time. Anxious about money and the care home fees, and has stopped going to church.",
  needs: ["finance_debt_benefits", "loneliness_isolation", "practical_support"],
  riskFlags: ["lives_alone"],
  consent: { shareWithProviders: true },
};

export const grahamWhitfield: ReferralCreateInput = {
  person: {
    nhsNumber: "9990010013",
    givenName: "Graham",
    familyName: "Whitfield",
    dateOfBirth: "1966-07-22",
    postcode: "NS2 4LW",
    gender: "male",
    ethnicity: "A",
    preferredLanguage: "en",
    phone: "07700 900 903",
    preferredContactMethod: "phone",
  },
  source: "gp",
  practiceOds: "A81001",
  reason:
    "Heart attack in the spring; finished cardiac rehab but has not been out walking since and has not gone back to work. Low mood, sees nobody since his wife died, and asked about something to do with his hands.",
  needs: ["physical_activity", "loneliness_isolation", "mental_wellbeing"],
  riskFlags: ["lives_alone"],
  consent: { shareWithProviders: true },
};
