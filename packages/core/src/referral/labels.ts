import type {
  ClosureReason,
  NeedDomain,
  Priority,
  ReferralSource,
  ReferralStatus,
  RiskFlag,
  SupportLevel,
} from "./schema";

/** Plain-English names for the referral's coded values, shared by the API's reasons and the web app. */
export const needLabels: Record<NeedDomain, string> = {
  loneliness_isolation: "Loneliness and isolation",
  mental_wellbeing: "Mental wellbeing",
  finance_debt_benefits: "Money, debt and benefits",
  housing: "Housing",
  physical_activity: "Physical activity",
  healthy_lifestyle: "Healthy lifestyle",
  carer_support: "Support for carers",
  employment_education: "Work, training and education",
  practical_support: "Practical support",
  other: "Something else",
};

export const riskFlagLabels: Record<RiskFlag, string> = {
  high_risk_admission: "High risk of hospital admission",
  frequent_attender: "Frequent attender",
  safeguarding: "Safeguarding concern",
  crisis: "In crisis",
  lives_alone: "Lives alone",
  carer: "Is a carer",
};

export const supportLevelLabels: Record<SupportLevel, string> = {
  signposting: "Signposting",
  supported_connection: "Supported connection",
  intensive: "Intensive support",
};

export const priorityLabels: Record<Priority, string> = {
  urgent: "Urgent",
  soon: "Soon",
  routine: "Routine",
};

export const statusLabels: Record<ReferralStatus, string> = {
  received: "Received",
  triaged: "Triaged",
  allocated: "Allocated",
  accepted: "Accepted",
  assigned: "Assigned",
  active: "Active",
  closed: "Closed",
  withdrawn: "Withdrawn",
};

export const sourceLabels: Record<ReferralSource, string> = {
  gp: "GP",
  health_professional: "Health professional",
  self: "Self-referral",
  mdt: "MDT meeting",
  vcs: "Voluntary sector",
  social_care: "Social care",
  other: "Other",
};

export const closureReasonLabels: Record<ClosureReason, string> = {
  signposted: "Signposted at triage",
  goals_met: "Goals met",
  connected_to_services: "Connected to services",
  person_declined: "Person declined support",
  unable_to_contact: "Unable to contact",
  moved_away: "Moved away",
  inappropriate_referral: "Not a suitable referral",
  died: "Died",
  other: "Other",
};
