import type { Referral } from "@linkwork/core/referral/schema";
import { createSignal } from "solid-js";
import { type ReferralAction, useReferralAction } from "../../queries/referral-actions";
import { Button, type ButtonVariant } from "../../ui/button";
import { Details } from "../../ui/details";
import { Textarea } from "../../ui/textarea";
import type { ActionFeedback } from "../feedback/action-feedback";

/** The lifecycle actions that need nothing but a reason, which the timeline then shows. */
export type ReasonAction = "reopen" | "withdraw" | "return-to-triage";

const maximumReason = 2000;

function reasonAction(action: ReasonAction, referral: Referral, reason: string): ReferralAction {
  const body = { version: referral.version, reason };
  switch (action) {
    case "reopen":
      return { action, referralId: referral.id, body };
    case "withdraw":
      return { action, referralId: referral.id, body };
    case "return-to-triage":
      return { action, referralId: referral.id, body };
  }
}

/**
 * One action taken with a reason (reopen, withdraw, return to triage), behind a summary line so
 * it is never done by accident: the reason is required, and recorded on the referral's timeline.
 */
export function ReasonActionForm(props: {
  referral: Referral;
  feedback: ActionFeedback;
  action: ReasonAction;
  summary: string;
  label: string;
  hint: string;
  missingReason: string;
  submitText: string;
  variant?: ButtonVariant;
  succeeded: (referral: Referral) => string;
}) {
  const [reason, setReason] = createSignal("");
  const reasonId = () => `${props.action}-reason-${props.referral.id}`;
  const act = useReferralAction({
    onSuccess: (referral) => {
      setReason("");
      props.feedback.succeed(props.succeeded(referral));
    },
    onError: (error) => props.feedback.failFrom(error, () => reasonId(), reasonId()),
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (act.isPending) return;
    const typed = reason().trim();
    if (typed === "")
      return props.feedback.failFields([{ targetId: reasonId(), message: props.missingReason }]);
    if (typed.length > maximumReason) {
      return props.feedback.failFields([
        { targetId: reasonId(), message: `Keep the reason to ${maximumReason} characters or fewer` },
      ]);
    }
    act.mutate(reasonAction(props.action, props.referral, typed));
  };
  return (
    <Details summary={props.summary} open={Boolean(props.feedback.messageFor(reasonId()))}>
      <form novalidate onSubmit={submit} data-testid={`${props.action}-form`}>
        <Textarea
          id={reasonId()}
          label={props.label}
          hint={props.hint}
          error={props.feedback.messageFor(reasonId())}
          value={reason()}
          onInput={setReason}
          rows={3}
        />
        <Button variant={props.variant ?? "secondary"} disabled={act.isPending}>
          {props.submitText}
        </Button>
      </form>
    </Details>
  );
}
