import type { DateParts } from "../../ui/date-input";
import { optionalText, optionalYesNo, toPersonDetailsBody } from "./person-details";

export type YesNo = "" | "yes" | "no";

/** What the form holds: text as typed, so nothing is lost or reformatted before the user submits. */
export interface ReferralFormValues {
  source: string;
  practiceOds: string;
  nhsNumber: string;
  givenName: string;
  familyName: string;
  dateOfBirth: DateParts;
  gender: string;
  ethnicity: string;
  addressLine1: string;
  addressLine2: string;
  town: string;
  postcode: string;
  phone: string;
  email: string;
  preferredContactMethod: string;
  preferredLanguage: string;
  interpreterNeeded: YesNo;
  sameSexWorkerRequested: YesNo;
  accessibleFormat: string;
  communicationNeeds: string;
  reason: string;
  needs: string[];
  riskFlags: string[];
  consent: YesNo;
}

export function emptyReferralForm(): ReferralFormValues {
  return {
    source: "",
    practiceOds: "",
    nhsNumber: "",
    givenName: "",
    familyName: "",
    dateOfBirth: { day: "", month: "", year: "" },
    gender: "",
    ethnicity: "",
    addressLine1: "",
    addressLine2: "",
    town: "",
    postcode: "",
    phone: "",
    email: "",
    preferredContactMethod: "",
    preferredLanguage: "",
    interpreterNeeded: "",
    sameSexWorkerRequested: "",
    accessibleFormat: "",
    communicationNeeds: "",
    reason: "",
    needs: [],
    riskFlags: [],
    consent: "",
  };
}

function withoutUndefined<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The request body the form describes, before validation: blanks become absent, yes/no become booleans. */
export function toReferralBody(values: ReferralFormValues, dateOfBirth: string): Record<string, unknown> {
  return {
    person: withoutUndefined({
      nhsNumber: optionalText(values.nhsNumber),
      ...toPersonDetailsBody(values, dateOfBirth),
    }),
    ...withoutUndefined({ source: optionalText(values.source) }),
    practiceOds: values.practiceOds,
    reason: values.reason,
    needs: values.needs,
    riskFlags: values.riskFlags,
    consent: withoutUndefined({ shareWithProviders: optionalYesNo(values.consent) }),
  };
}
