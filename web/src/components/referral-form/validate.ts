import { ReferralCreate, type ReferralCreate as ReferralCreateData } from "@linkwork/core/referral/schema";
import { oneErrorPerQuestion } from "../form-errors";
import { readDateOfBirth } from "./date-of-birth";
import { type FieldError, fieldFor, sortErrors } from "./fields";
import { type ReferralFormValues, toReferralBody } from "./form-values";

/** Messages for a question left unanswered where the schema's own message is written for developers. */
const unansweredMessages: Partial<Record<string, string>> = {
  source: "Select where the referral comes from",
};

export type Validation = { ok: true; referral: ReferralCreateData } | { ok: false; errors: FieldError[] };

/** Validates with the same `ReferralCreate` schema as the API, so the messages match what it would say. */
export function validateReferral(values: ReferralFormValues): Validation {
  const date = readDateOfBirth(values.dateOfBirth);
  const body = toReferralBody(values, date.ok ? date.isoDate : "");
  const result = ReferralCreate.safeParse(body);
  const { errors, add } = oneErrorPerQuestion<FieldError>();

  if (!date.ok) add({ field: "person.dateOfBirth", message: date.message, dateParts: date.parts });
  for (const issue of result.success ? [] : result.error.issues) {
    const path = issue.path.map(String).join(".");
    const field = fieldFor(path);
    const unanswered = issue.code === "invalid_type" || issue.code === "invalid_value";
    const message = (unanswered && unansweredMessages[path]) || issue.message;
    add({ field, message });
  }

  if (errors.length > 0 || !result.success) return { ok: false, errors: sortErrors(errors) };
  return { ok: true, referral: result.data };
}

/** The API's 400 `details`, placed against the same questions. */
export function errorsFromDetails(details: readonly { path: string; message: string }[]): FieldError[] {
  return sortErrors(details.map((detail) => ({ field: fieldFor(detail.path), message: detail.message })));
}
