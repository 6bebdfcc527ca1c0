import { TextInput } from "../../ui/text-input";
import type { ReferralForm } from "./create-referral-form";
import { fieldId } from "./fields";
import { NameAndBirthQuestions } from "./name-and-birth-questions";

export function PersonSection(props: { form: ReferralForm }) {
  const { form } = props;
  return (
    <>
      <h2 class="nhsuk-heading-m">The person you are referring</h2>
      <TextInput
        id={fieldId("person.nhsNumber")}
        label="NHS number"
        hint={
          <>
            A 10 digit number, like <span class="nhsuk-u-nowrap">999 123 4567</span>. You must give it for a
            GP referral.
          </>
        }
        error={form.message("person.nhsNumber")}
        value={form.values.nhsNumber}
        onInput={(value) => form.set("nhsNumber", value)}
        width={10}
        code
        inputmode="numeric"
        spellcheck={false}
        autocomplete="off"
      />
      <NameAndBirthQuestions fields={form.personDetails} />
    </>
  );
}
