import type { Referral } from "@linkwork/core/referral/schema";
import { formatDateTime } from "../../format/dates";
import { useReferralAction } from "../../queries/referral-actions";
import { Button } from "../../ui/button";
import type { ActionFeedback } from "../feedback/action-feedback";

const personName = (referral: Referral) => `${referral.person.givenName} ${referral.person.familyName}`;

/** A link worker takes an accepted referral onto their own caseload, if it has room. */
export function PickUp(props: { referral: Referral; feedback: ActionFeedback }) {
  const claim = useReferralAction({
    onSuccess: (referral) => {
      const due = referral.serviceLevel?.step === "first_contact" ? referral.serviceLevel.dueAt : undefined;
      props.feedback.succeed(
        `${personName(referral)} is now on your caseload.${due ? ` Contact them by ${formatDateTime(due)}.` : ""}`,
      );
    },
    onError: (error) => props.feedback.failFrom(error, () => undefined, `pick-up-${props.referral.id}`),
  });
  const pickUp = () => {
    if (claim.isPending) return;
    claim.mutate({
      action: "claim",
      referralId: props.referral.id,
      body: { version: props.referral.version },
    });
  };
  return (
    <div id={`pick-up-${props.referral.id}`} tabindex="-1">
      <Button type="button" disabled={claim.isPending} onClick={pickUp}>
        {claim.isPending ? "Picking up…" : "Pick up"}
        <span class="nhsuk-u-visually-hidden"> {personName(props.referral)}</span>
      </Button>
    </div>
  );
}
