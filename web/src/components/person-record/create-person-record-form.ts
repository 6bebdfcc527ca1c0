import type { PersonRecord } from "@linkwork/core/person/requests";
import { createSignal } from "solid-js";
import { createStore, unwrap } from "solid-js/store";
import type { PersonDetailsFields } from "../referral-form/person-details";
import { type RecordField, type RecordFieldError, recordFieldId } from "./person-record-fields";
import { type PersonRecordValues, rebaseRecordValues, toRecordValues } from "./person-record-values";

/** A change refused because the record moved on: what happened, and how to carry on. */
export interface RecordConflict {
  heading: string;
  body: string;
  /** Set when reloading does not bring back the form with what was typed (the record was merged). */
  afterReload?: string;
}

/**
 * The form's values, the record they started from (whose version a save names), and the
 * problems found at the last attempt to save.
 */
export function createPersonRecordForm(record: PersonRecord) {
  const [base, setBase] = createSignal(record);
  const [values, setValues] = createStore<PersonRecordValues>(toRecordValues(record.details));
  const [errors, setErrors] = createSignal<RecordFieldError[]>([]);
  const [conflict, setConflict] = createSignal<RecordConflict>();
  const [attempt, setAttempt] = createSignal(0);
  const errorFor = (field: RecordField) => errors().find((error) => error.field === field);
  const set = <Field extends RecordField>(field: Field, value: PersonRecordValues[Field]) => {
    setValues(field, () => value);
  };
  const message = (field: RecordField) => errorFor(field)?.message;
  const details: PersonDetailsFields = {
    values,
    set,
    id: recordFieldId,
    message,
    dateOfBirthParts: () => errorFor("dateOfBirth")?.dateParts ?? [],
  };
  const problemFound = () => {
    setAttempt((count) => count + 1);
  };

  return {
    base,
    values,
    set,
    /** The questions, for the sections the referral form shares. */
    details,
    errors,
    conflict,
    attempt,
    errorFor,
    message,
    /** Shows these problems and moves focus to the summary, even when they are the same as before. */
    fail(found: RecordFieldError[]) {
      setConflict(undefined);
      setErrors(found);
      problemFound();
    },
    failConflict(found: RecordConflict) {
      setErrors([]);
      setConflict(found);
      problemFound();
    },
    clearProblems() {
      setErrors([]);
      setConflict(undefined);
    },
    /** Moves onto a newer record, keeping every detail the user changed as they typed it. */
    rebase(latest: PersonRecord) {
      const typed = unwrap(values);
      setValues(
        rebaseRecordValues(
          toRecordValues(base().details),
          { ...typed, dateOfBirth: { ...typed.dateOfBirth } },
          toRecordValues(latest.details),
        ),
      );
      setBase(latest);
    },
  };
}

export type PersonRecordForm = ReturnType<typeof createPersonRecordForm>;
