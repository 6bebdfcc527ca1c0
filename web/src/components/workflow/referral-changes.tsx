import type { Referral } from "@linkwork/core/referral/schema";
import { Show } from "solid-js";
import type { ActionFeedback } from "../feedback/action-feedback";
import { ReasonActionForm } from "./reason-action-form";

const personName = (referral: Referral) => `${referral.person.givenName} ${referral.person.familyName}`;

/**
 * The changes of course a referral can take, each with a reason the timeline keeps: return it to
 * triage to be allocated again, reopen it once closed, or withdraw it before triage. Each shows
 * only where the referral's `allowedActions` allow it.
 */
export function ReferralChanges(props: { referral: Referral; feedback: ActionFeedback }) {
  const may = (action: "return_to_triage" | "reopen" | "withdraw") =>
    props.referral.allowedActions.includes(action);
  return (
    <div class="linkwork-decision">
      <Show when={may("return_to_triage")}>
        <ReasonActionForm
          referral={props.referral}
          feedback={props.feedback}
          action="return-to-triage"
          summary="Return to triage to allocate again"
          label="Why does this referral need allocating again?"
          hint="For example, the person has moved out of your area or needs support your organisation does not offer. The triage team sees your reason"
          missingReason="Say why the referral is going back to triage"
          submitText="Return to triage"
          variant="warning"
          succeeded={(referral) =>
            `${personName(referral)}'s referral has gone back to the triage team to be allocated again.`
          }
        />
      </Show>
      <Show when={may("reopen")}>
        <ReasonActionForm
          referral={props.referral}
          feedback={props.feedback}
          action="reopen"
          summary="Reopen this referral"
          label="Why is the referral being reopened?"
          hint="For example, the person has asked for more support. This shows on the timeline"
          missingReason="Say why the referral is being reopened"
          submitText="Reopen referral"
          succeeded={(referral) => `${personName(referral)}'s referral is open again.`}
        />
      </Show>
      <Show when={may("withdraw")}>
        <ReasonActionForm
          referral={props.referral}
          feedback={props.feedback}
          action="withdraw"
          summary="Withdraw this referral"
          label="Why is the referral being withdrawn?"
          hint="For example, it was sent for the wrong person, or the person no longer wants support. This shows on the timeline"
          missingReason="Say why the referral is being withdrawn"
          submitText="Withdraw referral"
          variant="warning"
          succeeded={(referral) => `${personName(referral)}'s referral is withdrawn.`}
        />
      </Show>
    </div>
  );
}
