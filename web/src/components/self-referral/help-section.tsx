import { Checkboxes } from "../../ui/checkboxes";
import { Textarea } from "../../ui/textarea";
import { WarningCallout } from "../../ui/warning-callout";
import { plainNeedOptions, selfFieldId } from "./self-referral-fields";
import type { SelfReferralFormState } from "./self-referral-values";

export function HelpSection(props: { form: SelfReferralFormState }) {
  const { form } = props;
  return (
    <>
      <h2 class="nhsuk-heading-m">What you would like help with</h2>
      <Checkboxes
        id={selfFieldId("needs")}
        legend="What would you like help with?"
        legendSize="s"
        hint="Choose all that are true for you"
        error={form.message("needs")}
        values={form.values.needs}
        onChange={(values) => form.set("needs", values)}
        options={plainNeedOptions}
      />
      <Textarea
        id={selfFieldId("reason")}
        label="Tell us a bit more"
        hint="What is going on for you, and what would help? Write as much or as little as you like."
        error={form.message("reason")}
        value={form.values.reason}
        onInput={(value) => form.set("reason", value)}
      />
      <WarningCallout heading="If you need help now">
        <p>
          This is not for emergencies. If you feel you might harm yourself or someone else, call 999 or go to
          A&amp;E. For urgent help that is not an emergency, call 111.
        </p>
      </WarningCallout>
    </>
  );
}
