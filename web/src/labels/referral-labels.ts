import type { Priority, ReferralStatus, RiskFlag } from "@linkwork/core/referral/schema";
import type { TagColour } from "../ui/tag";

/** The plain-English names are the domain's own, shared with the API's reasons; only how they look is here. */
export {
  closureReasonLabels,
  needLabels,
  priorityLabels,
  riskFlagLabels,
  sourceLabels,
  statusLabels,
  supportLevelLabels,
} from "@linkwork/core/referral/labels";

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

export const priorityColours: Record<Priority, TagColour> = {
  routine: "grey",
  soon: "yellow",
  urgent: "red",
};
