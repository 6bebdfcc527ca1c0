import type { PersonDetails } from "@linkwork/core/person/schema";
import type { DateParts } from "../../ui/date-input";
import type { YesNo } from "../referral-form/form-values";
import type { PersonDetailValues } from "../referral-form/person-details";
import { type RecordField, recordFields } from "./person-record-fields";

/** What the form holds: text as typed, so nothing is reformatted before the user saves. */
export type PersonRecordValues = PersonDetailValues;

const yesNo = (value: boolean | undefined): YesNo => (value === undefined ? "" : value ? "yes" : "no");

/** `1961-09-02` as the boxes a person would type it in: 2, 9, 1961. */
function dateParts(isoDate: string): DateParts {
  const [year = "", month = "", day = ""] = isoDate.split("-");
  const unpadded = (part: string) => (/^\d+$/.test(part) ? String(Number(part)) : part);
  return { day: unpadded(day), month: unpadded(month), year };
}

/** The form as it starts: every detail as the record holds it now. */
export function toRecordValues(details: PersonDetails): PersonRecordValues {
  return {
    givenName: details.givenName,
    familyName: details.familyName,
    dateOfBirth: dateParts(details.dateOfBirth),
    gender: details.gender ?? "",
    ethnicity: details.ethnicity ?? "",
    addressLine1: details.addressLine1 ?? "",
    addressLine2: details.addressLine2 ?? "",
    town: details.town ?? "",
    postcode: details.postcode,
    phone: details.phone ?? "",
    email: details.email ?? "",
    preferredContactMethod: details.preferredContactMethod ?? "",
    preferredLanguage: details.preferredLanguage ?? "",
    interpreterNeeded: yesNo(details.interpreterNeeded),
    sameSexWorkerRequested: yesNo(details.sameSexWorkerRequested),
    accessibleFormat: details.accessibleFormat ?? "",
    communicationNeeds: details.communicationNeeds ?? "",
  };
}

function sameValue(first: PersonRecordValues[RecordField], second: PersonRecordValues[RecordField]) {
  if (typeof first === "string" || typeof second === "string") return first === second;
  return first.day === second.day && first.month === second.month && first.year === second.year;
}

/** The details whose values differ between two forms. */
export function differingFields(first: PersonRecordValues, second: PersonRecordValues): RecordField[] {
  return recordFields.filter((field) => !sameValue(first[field], second[field]));
}

/**
 * The form moved onto a newer record: what the user changed stays as they typed it, and every
 * detail they left alone takes the newer record's value, so saving never undoes someone else's change.
 */
export function rebaseRecordValues(
  loaded: PersonRecordValues,
  typed: PersonRecordValues,
  latest: PersonRecordValues,
): PersonRecordValues {
  const rebased = { ...latest };
  for (const field of differingFields(loaded, typed)) keepTyped(rebased, typed, field);
  return rebased;
}

function keepTyped<Field extends RecordField>(
  target: PersonRecordValues,
  typed: PersonRecordValues,
  field: Field,
) {
  target[field] = typed[field];
}
