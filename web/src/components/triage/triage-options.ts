import { NeedDomain, Priority, RiskFlag, SupportLevel } from "@linkwork/core/referral/schema";
import { needLabels, priorityLabels, riskFlagLabels, supportLevelLabels } from "../../labels/referral-labels";
import type { ChoiceOption } from "../../ui/radios";

const priorityHints: Record<Priority, string> = {
  urgent: "First contact within 1 working day of being accepted. For example, at risk of crisis or admission",
  soon: "Seen before routine referrals; first contact within 5 working days",
  routine: "First contact within 5 working days of being accepted",
};

const supportLevelHints: Record<SupportLevel, string> = {
  signposting: "Information about services only. You can close the referral now as signposted",
  supported_connection: "A link worker helps them find and connect with groups and services",
  intensive: "One-to-one support over several weeks, usually up to 12 sessions",
};

/** Most urgent first, as the coordinator weighs them. */
export const priorityOptions: ChoiceOption[] = [...Priority.options]
  .reverse()
  .map((value) => ({ value, label: priorityLabels[value], hint: priorityHints[value] }));

export const supportLevelOptions: ChoiceOption[] = SupportLevel.options.map((value) => ({
  value,
  label: supportLevelLabels[value],
  hint: supportLevelHints[value],
}));

export const triageNeedOptions: ChoiceOption[] = NeedDomain.options.map((value) => ({
  value,
  label: needLabels[value],
}));

export const triageRiskOptions: ChoiceOption[] = RiskFlag.options.map((value) => ({
  value,
  label: riskFlagLabels[value],
}));
