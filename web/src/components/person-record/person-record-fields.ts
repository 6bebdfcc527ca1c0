import type { PersonDetails } from "@linkwork/core/person/schema";
import type { DatePart } from "../../ui/date-input";

/** The details a coordinator may correct: all but the NHS number, which moves only by a confirmed match. */
export type RecordField = Exclude<keyof PersonDetails, "nhsNumber">;

/** Each detail in words, for messages ("the postcode"); a new detail in core must be named here. */
export const recordFieldNames: Record<RecordField, string> = {
  givenName: "given name",
  familyName: "family name",
  dateOfBirth: "date of birth",
  gender: "gender",
  ethnicity: "ethnicity",
  addressLine1: "address line 1",
  addressLine2: "address line 2",
  town: "town or city",
  postcode: "postcode",
  phone: "phone number",
  email: "email address",
  preferredContactMethod: "preferred way to be contacted",
  preferredLanguage: "preferred language",
  interpreterNeeded: "need for an interpreter",
  sameSexWorkerRequested: "request for a link worker of the same sex",
  accessibleFormat: "accessible format",
  communicationNeeds: "other communication needs",
};

/** The details in page order. */
export const recordFields = Object.keys(recordFieldNames) as RecordField[];

export const recordFormId = "person-record-form";

/** The element id of a detail's control (for a group, its first radio). */
export function recordFieldId(field: RecordField): string {
  return `person-record-${field}`;
}

/** The detail a reported path is about: the API reports `details.postcode`, the schema `postcode`. */
export function recordFieldFor(reportedPath: string): RecordField | undefined {
  const [first] = reportedPath.replace(/^details\./, "").split(".");
  return recordFields.find((field) => field === first);
}

export interface RecordFieldError {
  field: RecordField | undefined;
  message: string;
  /** For the date of birth: which boxes are wrong (none listed means the whole date). */
  dateParts?: DatePart[];
}

/** Where an error summary link takes the user: the field, the first date box in error, or the form. */
export function recordErrorTarget(error: RecordFieldError): string {
  if (!error.field) return recordFormId;
  const id = recordFieldId(error.field);
  return error.field === "dateOfBirth" ? `${id}-${error.dateParts?.[0] ?? "day"}` : id;
}

export function sortRecordErrors(errors: RecordFieldError[]): RecordFieldError[] {
  const position = (error: RecordFieldError) => (error.field ? recordFields.indexOf(error.field) : -1);
  return [...errors].sort((first, second) => position(first) - position(second));
}

/** "the postcode and phone number", "the given name, postcode and email address". */
export function listFieldNames(fields: readonly RecordField[]): string {
  const names = fields.map((field) => recordFieldNames[field]);
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
