import { useNavigate } from "@solidjs/router";
import { Show } from "solid-js";
import { isApiError } from "../../api/api-error";
import { useCreateReferral } from "../../queries/create-referral";
import { Button } from "../../ui/button";
import { ErrorSummary } from "../../ui/error-summary";
import { usePageTitle } from "../page-title";
import { CommunicationSection } from "./communication-section";
import { ContactSection } from "./contact-section";
import { createReferralForm } from "./create-referral-form";
import { errorTarget, type FieldError } from "./fields";
import { newIdempotencyKey } from "./idempotency-key";
import { PersonSection } from "./person-section";
import { ReasonSection } from "./reason-section";
import { ReferrerSection } from "./referrer-section";
import { errorsFromDetails, validateReferral } from "./validate";

export interface ReferralFormDefaults {
  source?: string | undefined;
  practiceOds?: string | undefined;
}

function problemsFrom(error: Error): FieldError[] {
  if (isApiError(error) && error.code === "validation_failed" && error.details.length > 0) {
    return errorsFromDetails(error.details);
  }
  if (isApiError(error) && error.code === "idempotency_conflict") {
    return [
      {
        field: undefined,
        message: "This referral may already have been sent. Check your referrals before sending it again.",
      },
    ];
  }
  return [{ field: undefined, message: error.message }];
}

/** The referral form: checked with the API's own schema before sending, sent once however often submitted. */
export function ReferralForm(props: { defaults: ReferralFormDefaults }) {
  const form = createReferralForm();
  if (props.defaults.source) form.set("source", props.defaults.source);
  if (props.defaults.practiceOds) form.set("practiceOds", props.defaults.practiceOds);
  const idempotencyKey = newIdempotencyKey();
  const create = useCreateReferral(() => idempotencyKey);
  const navigate = useNavigate();
  usePageTitle(() => (form.errors().length > 0 ? "Error: Refer someone" : "Refer someone"));

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const validation = validateReferral(form.values);
    if (!validation.ok) return form.fail(validation.errors);
    form.clearErrors();
    create.mutate(validation.referral, {
      onSuccess: (referral) => navigate(`/referrals/${referral.id}/sent`),
      onError: (error) => form.fail(problemsFrom(error)),
    });
  };

  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <Show when={form.errors().length > 0}>
          <ErrorSummary
            items={form.errors().map((error) => ({ targetId: errorTarget(error), message: error.message }))}
            attempt={form.attempt()}
          />
        </Show>
        <h1 class="nhsuk-heading-l">Refer someone for social prescribing</h1>
        <p class="nhsuk-body">
          A link worker will contact the person to talk about what matters to them and connect them with
          support in their community. Questions marked (optional) can be left blank.
        </p>
        <form id="referral-form" novalidate onSubmit={submit}>
          <ReferrerSection form={form} />
          <PersonSection form={form} />
          <ContactSection fields={form.personDetails} />
          <CommunicationSection fields={form.personDetails} />
          <ReasonSection form={form} />
          <Button disabled={create.isPending}>
            {create.isPending ? "Sending referral…" : "Send referral"}
          </Button>
        </form>
      </div>
    </div>
  );
}
