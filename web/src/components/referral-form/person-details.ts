import type { PersonDetails } from "@linkwork/core/person/schema";
import type { DatePart, DateParts } from "../../ui/date-input";
import type { YesNo } from "./form-values";

/** The details asked about a person on both the referral form and the record page: all but the NHS number. */
export type PersonDetailField = Exclude<keyof PersonDetails, "nhsNumber">;

/** The details as typed: text as it is, the date as its three boxes, yes/no as the radio chosen. */
export type PersonDetailValues = {
  [Field in PersonDetailField]: Field extends "dateOfBirth"
    ? DateParts
    : Field extends "interpreterNeeded" | "sameSexWorkerRequested"
      ? YesNo
      : string;
};

/** What the questions about a person need from the form they are on. */
export interface PersonDetailsFields {
  values: PersonDetailValues;
  set: <Field extends PersonDetailField>(field: Field, value: PersonDetailValues[Field]) => void;
  id: (field: PersonDetailField) => string;
  message: (field: PersonDetailField) => string | undefined;
  /** Which date of birth boxes are wrong (none listed means the whole date). */
  dateOfBirthParts: () => DatePart[];
}

export const yesNo = (value: string): YesNo => (value === "yes" || value === "no" ? value : "");

export const optionalText = (value: string) => (value.trim() === "" ? undefined : value);
export const optionalYesNo = (value: YesNo) => (value === "" ? undefined : value === "yes");

/** The details the form describes, before validation: blanks become absent, yes/no become booleans. */
export function toPersonDetailsBody(
  values: PersonDetailValues,
  dateOfBirth: string,
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    givenName: values.givenName,
    familyName: values.familyName,
    dateOfBirth,
    postcode: values.postcode,
    addressLine1: optionalText(values.addressLine1),
    addressLine2: optionalText(values.addressLine2),
    town: optionalText(values.town),
    gender: optionalText(values.gender),
    ethnicity: optionalText(values.ethnicity),
    preferredLanguage: optionalText(values.preferredLanguage),
    interpreterNeeded: optionalYesNo(values.interpreterNeeded),
    sameSexWorkerRequested: optionalYesNo(values.sameSexWorkerRequested),
    accessibleFormat: optionalText(values.accessibleFormat),
    communicationNeeds: optionalText(values.communicationNeeds),
    phone: optionalText(values.phone),
    email: optionalText(values.email),
    preferredContactMethod: optionalText(values.preferredContactMethod),
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}
