import type { PersonRecord } from "@linkwork/core/person/requests";
import type { ApiError } from "./api-error";

/**
 * A 409 from a change to a person's record, with the record as it is now, read straight after, so
 * the page can say what changed without replacing what the user typed until they choose to reload.
 * `latest` is undefined when the record could not be read again.
 */
export class PersonRecordConflict extends Error {
  readonly personId: string;
  readonly latest: PersonRecord | undefined;
  override readonly cause: ApiError;

  constructor(cause: ApiError, personId: string, latest: PersonRecord | undefined) {
    super(cause.message);
    this.name = "PersonRecordConflict";
    this.personId = personId;
    this.latest = latest;
    this.cause = cause;
  }
}

export function isPersonRecordConflict(error: unknown): error is PersonRecordConflict {
  return error instanceof PersonRecordConflict;
}
