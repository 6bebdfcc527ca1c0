import { createSignal } from "solid-js";
import { createStore } from "solid-js/store";
import { type FieldError, type FieldPath, fieldId } from "./fields";
import { emptyReferralForm, type ReferralFormValues } from "./form-values";
import type { PersonDetailsFields } from "./person-details";

/** The form's values and the problems found at the last attempt to send it. */
export function createReferralForm() {
  const [values, setValues] = createStore<ReferralFormValues>(emptyReferralForm());
  const [errors, setErrors] = createSignal<FieldError[]>([]);
  const [attempt, setAttempt] = createSignal(0);
  const errorFor = (field: FieldPath) => errors().find((error) => error.field === field);
  const personDetails: PersonDetailsFields = {
    values,
    set: (field, value) => setValues({ [field]: value } as Partial<ReferralFormValues>),
    id: (field) => fieldId(`person.${field}`),
    message: (field) => errorFor(`person.${field}`)?.message,
    dateOfBirthParts: () => errorFor("person.dateOfBirth")?.dateParts ?? [],
  };

  return {
    values,
    set<Key extends keyof ReferralFormValues>(key: Key, value: ReferralFormValues[Key]) {
      setValues({ [key]: value } as Partial<ReferralFormValues>);
    },
    /** The questions about the person, for the sections the record page shares. */
    personDetails,
    errors,
    errorFor,
    message: (field: FieldPath) => errorFor(field)?.message,
    /** Shows these problems and moves focus to the summary, even when they are the same as before. */
    fail(found: FieldError[]) {
      setErrors(found);
      setAttempt((count) => count + 1);
    },
    clearErrors: () => setErrors([]),
    attempt,
  };
}

export type ReferralForm = ReturnType<typeof createReferralForm>;
