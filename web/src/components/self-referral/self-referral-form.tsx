import { createSignal, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { isApiError } from "../../api/api-error";
import { useSelfReferral } from "../../queries/self-referral";
import { Button } from "../../ui/button";
import { ErrorSummary } from "../../ui/error-summary";
import { usePageTitle } from "../page-title";
import { AboutYouSection } from "./about-you-section";
import { ContactSection } from "./contact-section";
import { HelpSection } from "./help-section";
import { formId, type SelfFieldError, type SelfReferralPath, selfErrorTarget } from "./self-referral-fields";
import {
  emptySelfReferral,
  type SelfReferralFormState,
  type SelfReferralValues,
  selfErrorsFromDetails,
  validateSelfReferral,
} from "./self-referral-values";
import { createSubmissionKeys } from "./submission-key";

function problemsFrom(error: Error): SelfFieldError[] {
  if (isApiError(error) && error.code === "rate_limited") {
    return [
      {
        field: undefined,
        message:
          "We have had a lot of requests from your internet connection. Please wait 15 minutes, then send this again. Your answers are still here.",
      },
    ];
  }
  if (isApiError(error) && error.code === "idempotency_conflict") {
    return [
      {
        field: undefined,
        message:
          "This may already have been sent. If you were given a reference, you do not need to send it again.",
      },
    ];
  }
  if (isApiError(error) && error.details.length > 0) return selfErrorsFromDetails(error.details);
  if (isApiError(error) && error.code === "network_error") {
    return [{ field: undefined, message: "We could not send this. Check you are online, then try again." }];
  }
  return [
    { field: undefined, message: "Something went wrong on our side. Please try again in a few minutes." },
  ];
}

/** The form a person fills in to ask for help themselves, checked with the API's own schema. */
export function SelfReferralForm(props: { onSent: (reference: string) => void }) {
  const [values, setValues] = createStore<SelfReferralValues>(emptySelfReferral());
  const [errors, setErrors] = createSignal<SelfFieldError[]>([]);
  const [attempt, setAttempt] = createSignal(0);
  const send = useSelfReferral();
  const submissionKeys = createSubmissionKeys();
  usePageTitle(() => (errors().length > 0 ? "Error: Ask for help" : "Ask for help"));

  const fail = (found: SelfFieldError[]) => {
    setErrors(found);
    setAttempt((count) => count + 1);
  };
  const form: SelfReferralFormState = {
    values,
    set<Key extends keyof SelfReferralValues>(key: Key, value: SelfReferralValues[Key]) {
      setValues({ [key]: value } as Partial<SelfReferralValues>);
    },
    errorFor: (field: SelfReferralPath) => errors().find((error) => error.field === field),
    message: (field: SelfReferralPath) => errors().find((error) => error.field === field)?.message,
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (send.isPending) return;
    const validation = validateSelfReferral(values);
    if (!validation.ok) return fail(validation.errors);
    setErrors([]);
    send.mutate(
      { body: validation.body, idempotencyKey: submissionKeys.keyFor(validation.body) },
      {
        onSuccess: ({ reference }) => props.onSent(reference),
        onError: (error) => fail(problemsFrom(error)),
      },
    );
  };

  return (
    <>
      <Show when={errors().length > 0}>
        <ErrorSummary
          items={errors().map((error) => ({ targetId: selfErrorTarget(error), message: error.message }))}
          attempt={attempt()}
        />
      </Show>
      <h1 class="nhsuk-heading-l">Ask for help from a link worker</h1>
      <p class="nhsuk-body-l">
        A link worker can help you find groups and services near you. They listen to what matters to you. It
        is free.
      </p>
      <p class="nhsuk-body">It takes about 5 minutes. Questions that say (optional) can be left blank.</p>
      <form id={formId} novalidate onSubmit={submit} tabindex="-1">
        <AboutYouSection form={form} />
        <HelpSection form={form} />
        <ContactSection form={form} />
        <Button disabled={send.isPending}>{send.isPending ? "Sending…" : "Send"}</Button>
      </form>
    </>
  );
}
