import type { Priority, ReferralCreateInput, SupportLevel } from "@linkwork/core/referral/schema";

/**
 * Referrals from Riverside Surgery's GP in a fresh demo world, most waiting in the triage queue
 * (two were triaged weeks ago: `triagedBeforeLastMeeting`). NHS
 * numbers are in the 999 range reserved for test data and carry valid check digits; phone
 * numbers are from Ofcom's ranges for drama.
 */
export const demoReferrals: readonly ReferralCreateInput[] = [
  {
    person: {
      nhsNumber: "9990001014",
      givenName: "Edith",
      familyName: "Thornton",
      dateOfBirth: "1941-06-02",
      postcode: "NS1 4AB",
      gender: "female",
      ethnicity: "A",
      preferredLanguage: "en",
      phone: "01632 960 101",
      preferredContactMethod: "phone",
    },
    source: "gp",
    practiceOds: "A81001",
    reason:
      "Widowed in the spring and now lives alone. Seen four times in two months with low mood and no clear medical cause; says she goes days without speaking to anyone.",
    needs: ["loneliness_isolation", "mental_wellbeing"],
    riskFlags: ["lives_alone", "frequent_attender"],
    consent: { shareWithProviders: true },
  },
  {
    person: {
      nhsNumber: "9990002142",
      givenName: "Kamal",
      familyName: "Hussain",
      dateOfBirth: "1979-11-20",
      postcode: "NS2 7QT",
      gender: "male",
      ethnicity: "J",
      preferredLanguage: "ur",
      interpreterNeeded: true,
      phone: "07700 900 214",
    },
    source: "gp",
    practiceOds: "A81001",
    reason:
      "Lost his job in the summer; rent arrears and a letter from the landlord. Sleeping badly and worried about his family. Would prefer to talk in Urdu.",
    needs: ["finance_debt_benefits", "housing", "employment_education"],
    riskFlags: [],
    consent: { shareWithProviders: true },
  },
  {
    person: {
      nhsNumber: "9990003270",
      givenName: "Joanne",
      familyName: "Price",
      dateOfBirth: "1968-02-14",
      postcode: "NS1 6DX",
      gender: "female",
      ethnicity: "A",
      phone: "07700 900 327",
      email: "joanne.price@example.com",
      preferredContactMethod: "email",
    },
    source: "health_professional",
    practiceOds: "A81001",
    reason:
      "Practice nurse referral: full-time carer for her husband, who has dementia. Exhausted, has stopped seeing friends, and does not know what support she is entitled to.",
    needs: ["carer_support", "mental_wellbeing", "finance_debt_benefits"],
    riskFlags: ["carer"],
    consent: { shareWithProviders: true },
  },
  {
    person: {
      nhsNumber: "9990004323",
      givenName: "Daniel",
      familyName: "Kowalski",
      dateOfBirth: "1995-08-09",
      postcode: "NS3 2HF",
      gender: "male",
      ethnicity: "C",
      preferredLanguage: "pl",
      phone: "07700 900 432",
      preferredContactMethod: "text",
    },
    source: "gp",
    practiceOds: "A81002",
    reason:
      "Moved to the area for work that fell through. Low mood, drinking more, no exercise since a knee injury. Keen to get back into work and meet people.",
    needs: ["employment_education", "mental_wellbeing", "physical_activity"],
    riskFlags: [],
    consent: { shareWithProviders: true },
  },
  {
    person: {
      nhsNumber: "9990005478",
      givenName: "Albert",
      familyName: "Greene",
      dateOfBirth: "1936-12-30",
      postcode: "NS1 9RW",
      gender: "male",
      ethnicity: "M",
      sameSexWorkerRequested: true,
      accessibleFormat: "large_print",
      phone: "01632 960 546",
    },
    source: "mdt",
    practiceOds: "A81001",
    reason:
      "Discussed at the frailty MDT: two emergency admissions since August after falls at home. Struggles with shopping and the stairs; daughter lives abroad.",
    needs: ["practical_support", "loneliness_isolation", "healthy_lifestyle"],
    riskFlags: ["high_risk_admission", "lives_alone"],
    consent: { shareWithProviders: true },
  },
  {
    person: {
      nhsNumber: "9990006598",
      givenName: "Shanice",
      familyName: "Campbell",
      dateOfBirth: "1988-04-22",
      postcode: "NS7 3JN",
      gender: "female",
      ethnicity: "M",
      phone: "07700 900 659",
    },
    source: "gp",
    practiceOds: "A81005",
    reason:
      "Single parent of two, recently left an abusive relationship and in temporary accommodation. Safeguarding team aware. Needs help with benefits and a settled home.",
    needs: ["housing", "finance_debt_benefits", "mental_wellbeing"],
    riskFlags: ["safeguarding"],
    consent: { shareWithProviders: false },
  },
  {
    person: {
      nhsNumber: "9990007012",
      givenName: "Roy",
      familyName: "Pritchard",
      dateOfBirth: "1959-09-14",
      postcode: "NS2 5HX",
      gender: "male",
      ethnicity: "A",
      preferredLanguage: "en",
      phone: "07700 900 701",
    },
    source: "gp",
    practiceOds: "A81002",
    reason:
      "Lost his job in October and behind on rent. Three A&E visits this month in crisis; the crisis team saw him last week. Wants help with money but does not want his details passed on.",
    needs: ["finance_debt_benefits", "mental_wellbeing"],
    riskFlags: ["crisis", "frequent_attender"],
    consent: { shareWithProviders: false },
  },
];

export interface DemoTriage {
  priority: Priority;
  supportLevel: SupportLevel;
  note: string;
}

/**
 * The referrals the demo team's last meeting discussed (demo-mdt.ts), by NHS number, in the order
 * they came in: received a fortnight before that meeting and triaged by the coordinator the same
 * morning, so the meeting follows both on their timelines and no service level is left to run out
 * (a triaged referral has no timer until it is allocated). Every other demo referral arrives on
 * the seed day and waits in the triage queue.
 */
export const triagedBeforeLastMeeting: Readonly<Record<string, DemoTriage>> = {
  "9990001014": {
    priority: "soon",
    supportLevel: "supported_connection",
    note: "Frequent attender with low mood after bereavement: for the practices' MDT before allocation.",
  },
  "9990005478": {
    priority: "soon",
    supportLevel: "intensive",
    note: "Two admissions after falls: the MDT to agree who leads his support before allocation.",
  },
};
