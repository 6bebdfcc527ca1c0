import { NameAndBirthQuestions } from "../referral-form/name-and-birth-questions";
import type { PersonRecordForm } from "./create-person-record-form";

export function IdentityFields(props: { form: PersonRecordForm }) {
  return (
    <>
      <h2 class="nhsuk-heading-m">Name and date of birth</h2>
      <NameAndBirthQuestions fields={props.form.details} />
    </>
  );
}
