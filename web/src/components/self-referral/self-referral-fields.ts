import { NeedDomain } from "@linkwork/core/referral/schema";
import type { DatePart } from "../../ui/date-input";
import type { ChoiceOption } from "../../ui/radios";

/** Every question, by the path the schema and the API report problems at, in page order. */
export const selfReferralPaths = [
  "person.givenName",
  "person.familyName",
  "person.dateOfBirth",
  "person.postcode",
  "person.nhsNumber",
  "needs",
  "reason",
  "person.phone",
  "person.email",
  "person.preferredContactMethod",
  "person.preferredLanguage",
  "practiceOds",
  "consent.shareWithProviders",
] as const;
export type SelfReferralPath = (typeof selfReferralPaths)[number];

export const formId = "self-referral-form";

export const selfFieldId = (path: SelfReferralPath) => `self-${path.replace(/\./g, "-")}`;

export function selfFieldFor(reportedPath: string): SelfReferralPath | undefined {
  return selfReferralPaths.find((path) => reportedPath === path || reportedPath.startsWith(`${path}.`));
}

export interface SelfFieldError {
  field: SelfReferralPath | undefined;
  message: string;
  dateParts?: DatePart[];
}

/** Where an error summary link goes: the question's control, or the first date box in error. */
export function selfErrorTarget(error: SelfFieldError): string {
  if (!error.field) return formId;
  if (error.field === "person.dateOfBirth")
    return `${selfFieldId(error.field)}-${error.dateParts?.[0] ?? "day"}`;
  return selfFieldId(error.field);
}

/** The same needs as the staff form, in the words someone would use about themselves. */
const plainNeedLabels: Record<NeedDomain, string> = {
  loneliness_isolation: "Feeling lonely or cut off from people",
  mental_wellbeing: "Feeling low, worried or stressed",
  finance_debt_benefits: "Money, debt or benefits",
  housing: "Housing or where I live",
  physical_activity: "Getting more active",
  healthy_lifestyle: "Eating well, sleeping better or other healthy habits",
  carer_support: "Looking after someone (being a carer)",
  employment_education: "Work, training or learning",
  practical_support: "Everyday things, like shopping, forms or getting out",
  other: "Something else",
};

export const plainNeedOptions: ChoiceOption[] = NeedDomain.options.map((value) => ({
  value,
  label: plainNeedLabels[value],
}));

export const contactOptions: ChoiceOption[] = [
  { value: "phone", label: "Phone call" },
  { value: "text", label: "Text message" },
  { value: "email", label: "Email" },
  { value: "letter", label: "Letter" },
];

export const consentOptions: ChoiceOption[] = [
  { value: "yes", label: "Yes, you can share my details" },
  { value: "no", label: "No, do not share my details" },
];
