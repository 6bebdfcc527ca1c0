import { Radios } from "../../ui/radios";
import { TextInput } from "../../ui/text-input";
import type { ReferralForm } from "./create-referral-form";
import { fieldId } from "./fields";
import { sourceOptions } from "./options";

export function ReferrerSection(props: { form: ReferralForm }) {
  const { form } = props;
  return (
    <>
      <h2 class="nhsuk-heading-m">About the referral</h2>
      <Radios
        id={fieldId("source")}
        legend="Where does the referral come from?"
        legendSize="s"
        error={form.message("source")}
        value={form.values.source}
        onChange={(value) => form.set("source", value)}
        options={sourceOptions}
      />
      <TextInput
        id={fieldId("practiceOds")}
        label="GP practice ODS code"
        hint="The code of the person's GP practice: a letter and 5 numbers, like A81001"
        error={form.message("practiceOds")}
        value={form.values.practiceOds}
        onInput={(value) => form.set("practiceOds", value)}
        width={10}
        code
        spellcheck={false}
        autocomplete="off"
      />
    </>
  );
}
