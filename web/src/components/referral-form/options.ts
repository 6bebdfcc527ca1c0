import { Ethnicity, ethnicCategories, Gender, PersonDetails } from "@linkwork/core/person/schema";
import { NeedDomain, ReferralSource, RiskFlag } from "@linkwork/core/referral/schema";
import {
  accessibleFormatLabels,
  contactMethodLabels,
  genderLabels,
  languageLabels,
} from "../../labels/person-labels";
import { needLabels, riskFlagLabels, sourceLabels } from "../../labels/referral-labels";
import type { ChoiceOption } from "../../ui/radios";

export const sourceOptions: ChoiceOption[] = ReferralSource.options.map((value) => ({
  value,
  label: sourceLabels[value],
}));

export const needOptions: ChoiceOption[] = NeedDomain.options.map((value) => ({
  value,
  label: needLabels[value],
}));

const riskFlagHints: Partial<Record<RiskFlag, string>> = {
  safeguarding: "A referral here does not replace a safeguarding referral",
  crisis: "Social prescribing is not an emergency service",
  high_risk_admission: "For example, identified by risk stratification or after a recent admission",
  frequent_attender: "Frequently seen at the practice or in A&E",
};

export const riskFlagOptions: ChoiceOption[] = RiskFlag.options.map((value) => ({
  value,
  label: riskFlagLabels[value],
  ...(riskFlagHints[value] ? { hint: riskFlagHints[value] } : {}),
}));

export const genderOptions: ChoiceOption[] = Gender.options.map((value) => ({
  value,
  label: genderLabels[value],
}));

export const ethnicityOptions: ChoiceOption[] = Ethnicity.options.map((code) => ({
  value: code,
  label: ethnicCategories[code],
}));

export const accessibleFormatOptions: ChoiceOption[] = PersonDetails.shape.accessibleFormat
  .unwrap()
  .options.map((value) => ({ value, label: accessibleFormatLabels[value] }));

export const contactMethodOptions: ChoiceOption[] = PersonDetails.shape.preferredContactMethod
  .unwrap()
  .options.map((value) => ({ value, label: contactMethodLabels[value] }));

export const languageOptions: ChoiceOption[] = Object.entries(languageLabels)
  .map(([value, label]) => ({ value, label }))
  .sort((first, second) => first.label.localeCompare(second.label, "en-GB"));

export const yesNoOptions: ChoiceOption[] = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];
