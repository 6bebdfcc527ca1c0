import { SelfReferralCreate } from "@linkwork/core/referral/schema";
import type { DateParts } from "../../ui/date-input";
import { oneErrorPerQuestion } from "../form-errors";
import { readDateOfBirth } from "../referral-form/date-of-birth";
import {
  type SelfFieldError,
  type SelfReferralPath,
  selfFieldFor,
  selfReferralPaths,
} from "./self-referral-fields";

export interface SelfReferralValues {
  givenName: string;
  familyName: string;
  dateOfBirth: DateParts;
  postcode: string;
  nhsNumber: string;
  needs: string[];
  reason: string;
  phone: string;
  email: string;
  preferredContactMethod: string;
  preferredLanguage: string;
  practiceOds: string;
  consent: "" | "yes" | "no";
}

export function emptySelfReferral(): SelfReferralValues {
  return {
    givenName: "",
    familyName: "",
    dateOfBirth: { day: "", month: "", year: "" },
    postcode: "",
    nhsNumber: "",
    needs: [],
    reason: "",
    phone: "",
    email: "",
    preferredContactMethod: "",
    preferredLanguage: "",
    practiceOds: "",
    consent: "",
  };
}

/** The schema speaks of "the person"; here the person is the reader, so some messages say "you". */
const friendlier: Partial<Record<string, string>> = {
  "person.givenName": "Enter your first name",
  "person.familyName": "Enter your last name",
  "person.postcode": "Enter your postcode",
  "consent.shareWithProviders": "Tell us if we can share your details with the people who will help you",
};

const optional = (value: string) => (value.trim() === "" ? undefined : value);

function toBody(values: SelfReferralValues, dateOfBirth: string): Record<string, unknown> {
  const person = Object.fromEntries(
    Object.entries({
      givenName: values.givenName,
      familyName: values.familyName,
      dateOfBirth,
      postcode: values.postcode,
      nhsNumber: optional(values.nhsNumber),
      phone: optional(values.phone),
      email: optional(values.email),
      preferredContactMethod: optional(values.preferredContactMethod),
      preferredLanguage: optional(values.preferredLanguage),
    }).filter(([, value]) => value !== undefined),
  );
  return {
    person,
    ...(optional(values.practiceOds) ? { practiceOds: values.practiceOds } : {}),
    reason: values.reason,
    needs: values.needs,
    consent: values.consent === "" ? {} : { shareWithProviders: values.consent === "yes" },
  };
}

export type SelfReferralValidation =
  | { ok: true; body: SelfReferralCreate }
  | { ok: false; errors: SelfFieldError[] };

const order = (error: SelfFieldError) => (error.field ? selfReferralPaths.indexOf(error.field) : -1);

/** Checks the answers with the API's own `SelfReferralCreate`, one message per question, in page order. */
export function validateSelfReferral(values: SelfReferralValues): SelfReferralValidation {
  const date = readDateOfBirth(values.dateOfBirth, "Enter your date of birth");
  const result = SelfReferralCreate.safeParse(toBody(values, date.ok ? date.isoDate : ""));
  const { errors, add } = oneErrorPerQuestion<SelfFieldError>();
  if (!date.ok) add({ field: "person.dateOfBirth", message: date.message, dateParts: date.parts });
  for (const issue of result.success ? [] : result.error.issues) {
    const path = issue.path.map(String).join(".");
    const missing =
      issue.code === "invalid_type" ||
      issue.code === "too_small" ||
      (path === "person.postcode" && values.postcode.trim() === "");
    add({ field: selfFieldFor(path), message: (missing && friendlier[path]) || issue.message });
  }
  if (errors.length > 0 || !result.success) {
    return { ok: false, errors: errors.sort((first, second) => order(first) - order(second)) };
  }
  return { ok: true, body: result.data };
}

/** The API's 400 `details`, against the same questions. */
export function selfErrorsFromDetails(
  details: readonly { path: string; message: string }[],
): SelfFieldError[] {
  return details
    .map((detail) => ({ field: selfFieldFor(detail.path), message: detail.message }))
    .sort((first, second) => order(first) - order(second));
}

/** What each section of the form reads and changes. */
export interface SelfReferralFormState {
  values: SelfReferralValues;
  set<Key extends keyof SelfReferralValues>(key: Key, value: SelfReferralValues[Key]): void;
  errorFor(field: SelfReferralPath): SelfFieldError | undefined;
  message(field: SelfReferralPath): string | undefined;
}
