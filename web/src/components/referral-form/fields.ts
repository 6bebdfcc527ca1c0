import type { DatePart } from "../../ui/date-input";

/** Every question on the form, by the path the schema and the API report problems at, in page order. */
export const fieldPaths = [
  "source",
  "practiceOds",
  "person.nhsNumber",
  "person.givenName",
  "person.familyName",
  "person.dateOfBirth",
  "person.gender",
  "person.ethnicity",
  "person.addressLine1",
  "person.addressLine2",
  "person.town",
  "person.postcode",
  "person.phone",
  "person.email",
  "person.preferredContactMethod",
  "person.preferredLanguage",
  "person.interpreterNeeded",
  "person.sameSexWorkerRequested",
  "person.accessibleFormat",
  "person.communicationNeeds",
  "reason",
  "needs",
  "riskFlags",
  "consent.shareWithProviders",
] as const;
export type FieldPath = (typeof fieldPaths)[number];

/** The element id of a question's control (for a group, its first radio or checkbox). */
export function fieldId(path: FieldPath): string {
  return path.replace(/\./g, "-");
}

/** The question a reported path belongs to: `needs.2` is about `needs`, `person` about the whole person. */
export function fieldFor(reportedPath: string): FieldPath | undefined {
  return fieldPaths.find((path) => reportedPath === path || reportedPath.startsWith(`${path}.`));
}

export interface FieldError {
  field: FieldPath | undefined;
  message: string;
  /** For the date of birth: which boxes are wrong (none listed means the whole date). */
  dateParts?: DatePart[];
}

/** Where an error summary link takes the user: the field, or the first date box in error. */
export function errorTarget(error: FieldError): string {
  if (!error.field) return "referral-form";
  if (error.field === "person.dateOfBirth") return `${fieldId(error.field)}-${error.dateParts?.[0] ?? "day"}`;
  return fieldId(error.field);
}

export function sortErrors(errors: FieldError[]): FieldError[] {
  const position = (error: FieldError) => (error.field ? fieldPaths.indexOf(error.field) : -1);
  return [...errors].sort((first, second) => position(first) - position(second));
}
