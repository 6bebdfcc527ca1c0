import { Checkboxes } from "../../ui/checkboxes";
import { Radios } from "../../ui/radios";
import { Textarea } from "../../ui/textarea";
import { WarningCallout } from "../../ui/warning-callout";
import type { ReferralForm } from "./create-referral-form";
import { fieldId } from "./fields";
import type { YesNo } from "./form-values";
import { needOptions, riskFlagOptions, yesNoOptions } from "./options";

export function ReasonSection(props: { form: ReferralForm }) {
  const { form } = props;
  return (
    <>
      <h2 class="nhsuk-heading-m">Why you are referring</h2>
      <Textarea
        id={fieldId("reason")}
        label="Reason for referral"
        hint="What matters to the person and what they would like help with"
        error={form.message("reason")}
        value={form.values.reason}
        onInput={(value) => form.set("reason", value)}
      />
      <Checkboxes
        id={fieldId("needs")}
        legend="What does the person need support with?"
        legendSize="s"
        hint="Select all that apply"
        error={form.message("needs")}
        values={form.values.needs}
        onChange={(values) => form.set("needs", values)}
        options={needOptions}
      />
      <WarningCallout heading="Important">
        <p>
          Social prescribing is not an emergency service. If the person is at immediate risk, call 999 or
          follow your local crisis and safeguarding procedures.
        </p>
      </WarningCallout>
      <Checkboxes
        id={fieldId("riskFlags")}
        legend="Are there any risks the team should know about? (optional)"
        legendSize="s"
        hint="Select all that apply"
        error={form.message("riskFlags")}
        values={form.values.riskFlags}
        onChange={(values) => form.set("riskFlags", values)}
        options={riskFlagOptions}
      />
      <h2 class="nhsuk-heading-m">Consent</h2>
      <Radios
        id={fieldId("consent.shareWithProviders")}
        legend="Has the person agreed to share their details with the organisations that will support them?"
        legendSize="s"
        hint="Their details are shared with the triage team and the organisation that supports them"
        error={form.message("consent.shareWithProviders")}
        value={form.values.consent}
        onChange={(value) => form.set("consent", value as YesNo)}
        options={yesNoOptions}
        inline
      />
    </>
  );
}
