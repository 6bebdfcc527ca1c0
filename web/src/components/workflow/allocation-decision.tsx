import { DeclineRequest } from "@linkwork/core/referral/requests";
import type { Referral } from "@linkwork/core/referral/schema";
import { createSignal } from "solid-js";
import { useReferralAction } from "../../queries/referral-actions";
import { Button } from "../../ui/button";
import { Details } from "../../ui/details";
import { Textarea } from "../../ui/textarea";
import type { ActionFeedback } from "../feedback/action-feedback";

export const declineReasonId = (referralId: string) => `decline-reason-${referralId}`;

const personName = (referral: Referral) => `${referral.person.givenName} ${referral.person.familyName}`;

/** An organisation's answer to an allocation: accept it, or decline it with a reason for the triage team. */
export function AllocationDecision(props: { referral: Referral; feedback: ActionFeedback }) {
  const [reason, setReason] = createSignal("");
  const reasonId = () => declineReasonId(props.referral.id);
  const label = (referral: Referral) => `${referral.reference} for ${personName(referral)}`;
  const decide = useReferralAction({
    onSuccess: (referral, variables) =>
      props.feedback.succeed(
        variables.action === "accept"
          ? `You accepted ${label(referral)}. Your link workers can now pick it up from their "Ready to pick up" list.`
          : `You declined ${label(referral)}. It has gone back to the triage team with your reason.`,
      ),
    onError: (error) => props.feedback.failFrom(error, () => reasonId(), reasonId()),
  });

  const accept = () => {
    if (decide.isPending) return;
    decide.mutate({
      action: "accept",
      referralId: props.referral.id,
      body: { version: props.referral.version },
    });
  };

  const decline = (event: SubmitEvent) => {
    event.preventDefault();
    if (decide.isPending) return;
    const parsed = DeclineRequest.safeParse({ version: props.referral.version, reason: reason() });
    if (!parsed.success) {
      return props.feedback.failFields(
        parsed.error.issues.slice(0, 1).map((issue) => ({ targetId: reasonId(), message: issue.message })),
      );
    }
    decide.mutate({ action: "decline", referralId: props.referral.id, body: parsed.data });
  };

  return (
    <div class="linkwork-decision">
      <Button type="button" disabled={decide.isPending} onClick={accept}>
        Accept<span class="nhsuk-u-visually-hidden"> {label(props.referral)}</span>
      </Button>
      <Details summary="Decline this referral" open={Boolean(props.feedback.messageFor(reasonId()))}>
        <form novalidate onSubmit={decline}>
          <Textarea
            id={reasonId()}
            label="Why can your organisation not take this referral?"
            hint="The triage team will see your reason and find another organisation"
            error={props.feedback.messageFor(reasonId())}
            value={reason()}
            onInput={setReason}
            rows={3}
          />
          <Button variant="warning" disabled={decide.isPending}>
            Decline referral<span class="nhsuk-u-visually-hidden"> {label(props.referral)}</span>
          </Button>
        </form>
      </Details>
    </div>
  );
}
