/**
 * The coded values of a referral, listed once. The request and response schemas (classic zod,
 * with the OpenAPI document) and the event schemas (zod/mini, so the relay and subscribers stay
 * small) are both built from these lists.
 */
export const referralSources = [
  "gp",
  "health_professional",
  "self",
  "mdt",
  "vcs",
  "social_care",
  "other",
] as const;

export const supportLevels = ["signposting", "supported_connection", "intensive"] as const;

export const priorities = ["routine", "soon", "urgent"] as const;

export const riskFlags = [
  "high_risk_admission",
  "frequent_attender",
  "safeguarding",
  "crisis",
  "lives_alone",
  "carer",
] as const;

export const needDomains = [
  "loneliness_isolation",
  "mental_wellbeing",
  "finance_debt_benefits",
  "housing",
  "physical_activity",
  "healthy_lifestyle",
  "carer_support",
  "employment_education",
  "practical_support",
  "other",
] as const;

/** Why support ended (PRSB closure reasons), or why a referral closed at triage. */
export const closureReasons = [
  "signposted",
  "goals_met",
  "connected_to_services",
  "person_declined",
  "unable_to_contact",
  "moved_away",
  "inappropriate_referral",
  "died",
  "other",
] as const;
