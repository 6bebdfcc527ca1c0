import type {
  NeedDomain,
  Priority,
  ReferralSource,
  ReferralStatus,
  RiskFlag,
  SupportLevel,
} from "@linkwork/core/referral/schema";
import type { TagColour } from "../ui/tag";

export const needLabels: Record<NeedDomain, string> = {
  loneliness_isolation: "Loneliness or isolation",
  mental_wellbeing: "Mental wellbeing",
  finance_debt_benefits: "Money, debt or benefits",
  housing: "Housing",
  physical_activity: "Physical activity",
  healthy_lifestyle: "Healthy lifestyle",
  carer_support: "Support as a carer",
  employment_education: "Work, training or education",
  practical_support: "Practical support",
  other: "Other",
};

export const riskFlagLabels: Record<RiskFlag, string> = {
  safeguarding: "Safeguarding concern",
  crisis: "In crisis",
  high_risk_admission: "High risk of hospital admission",
  frequent_attender: "Frequent attender",
  lives_alone: "Lives alone",
  carer: "Is a carer",
};

/** Safeguarding and crisis need acting on first, so they stand out in red wherever they appear. */
export const riskFlagColours: Record<RiskFlag, TagColour> = {
  safeguarding: "red",
  crisis: "red",
  high_risk_admission: "orange",
  frequent_attender: "yellow",
  lives_alone: "grey",
  carer: "grey",
};

export const riskFlagOrder: RiskFlag[] = [
  "safeguarding",
  "crisis",
  "high_risk_admission",
  "frequent_attender",
  "lives_alone",
  "carer",
];

export const sourceLabels: Record<ReferralSource, string> = {
  gp: "GP",
  health_professional: "Other health professional",
  self: "Self-referral",
  mdt: "MDT meeting",
  vcs: "Voluntary or community organisation",
  social_care: "Social care",
  other: "Other",
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

export const statusColours: Record<ReferralStatus, TagColour> = {
  received: "purple",
  triaged: "blue",
  allocated: "aqua-green",
  accepted: "green",
  assigned: "green",
  active: "green",
  closed: "grey",
  withdrawn: "grey",
};

export const priorityLabels: Record<Priority, string> = {
  routine: "Routine",
  soon: "Soon",
  urgent: "Urgent",
};

export const priorityColours: Record<Priority, TagColour> = {
  routine: "grey",
  soon: "yellow",
  urgent: "red",
};

export const supportLevelLabels: Record<SupportLevel, string> = {
  signposting: "Signposting",
  supported_connection: "Supported connection",
  intensive: "Intensive support",
};
