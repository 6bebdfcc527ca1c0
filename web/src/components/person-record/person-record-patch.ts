import { type PersonRecord, PersonUpdateRequest } from "@linkwork/core/person/requests";
import { type PersonDetails, PersonDetails as PersonDetailsSchema } from "@linkwork/core/person/schema";
import { oneErrorPerQuestion } from "../form-errors";
import { readDateOfBirth } from "../referral-form/date-of-birth";
import { toPersonDetailsBody } from "../referral-form/person-details";
import {
  type RecordField,
  type RecordFieldError,
  recordFieldFor,
  recordFields,
  sortRecordErrors,
} from "./person-record-fields";
import type { PersonRecordValues } from "./person-record-values";

const CorrectedDetails = PersonDetailsSchema.omit({ nhsNumber: true });

export type PersonPatch =
  | { ok: true; request: PersonUpdateRequest; changed: RecordField[]; removed: RecordField[] }
  | { ok: false; errors: RecordFieldError[] };

const recorded = (value: unknown) => value !== undefined && value !== "";

/**
 * Checks every detail with the API's own schema and builds the change: the details that differ
 * from the record as loaded, and the ones the user cleared as removals (never stored blank), with
 * the version it was loaded at.
 */
export function buildPersonPatch(record: PersonRecord, values: PersonRecordValues): PersonPatch {
  const date = readDateOfBirth(values.dateOfBirth);
  const body = toPersonDetailsBody(values, date.ok ? date.isoDate : "");
  const parsed = CorrectedDetails.safeParse(body);
  if (!date.ok || !parsed.success) {
    const { errors, add } = oneErrorPerQuestion<RecordFieldError>();
    if (!date.ok) add({ field: "dateOfBirth", message: date.message, dateParts: date.parts });
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      add({ field: recordFieldFor(issue.path.map(String).join(".")), message: issue.message });
    }
    return { ok: false, errors: sortRecordErrors(errors) };
  }

  const before: Partial<Record<RecordField, unknown>> = record.details;
  const after: Partial<Record<RecordField, unknown>> = parsed.data;
  const changes: Record<string, unknown> = {};
  const removed: RecordField[] = [];
  for (const field of recordFields) {
    const next = after[field];
    if (next === before[field] || (!recorded(next) && !recorded(before[field]))) continue;
    if (recorded(next)) changes[field] = next;
    else removed.push(field);
  }
  const request = PersonUpdateRequest.safeParse({
    version: record.version,
    details: changes,
    ...(removed.length > 0 ? { remove: removed } : {}),
  });
  if (!request.success) {
    return {
      ok: false,
      errors: sortRecordErrors(
        request.error.issues.map((issue) => ({
          field: recordFieldFor(issue.path.map(String).join(".")),
          message: issue.message,
        })),
      ),
    };
  }
  return {
    ok: true,
    request: request.data,
    changed: recordFields.filter((field) => field in changes),
    removed,
  };
}

/** The API's 400 `details`, placed against the same details. */
export function recordErrorsFromDetails(
  details: readonly { path: string; message: string }[],
): RecordFieldError[] {
  return sortRecordErrors(
    details.map((detail) => ({ field: recordFieldFor(detail.path), message: detail.message })),
  );
}

/** What changed between two versions of a record, for saying what someone else did. */
export function changedDetails(before: PersonDetails, after: PersonDetails): RecordField[] {
  const first: Partial<Record<RecordField, unknown>> = before;
  const second: Partial<Record<RecordField, unknown>> = after;
  return recordFields.filter((field) => first[field] !== second[field]);
}
