import type { Referral } from "@linkwork/core/referral/schema";
import { createSignal } from "solid-js";
import { useReferralAction } from "../../queries/referral-actions";
import { Button } from "../../ui/button";
import type { ActionFeedback } from "../feedback/action-feedback";
import { LinkWorkerChoice } from "./link-worker-choice";

const personName = (referral: Referral) => `${referral.person.givenName} ${referral.person.familyName}`;

/** A manager puts an accepted referral straight onto a named link worker's caseload, within its limit. */
export function AssignForm(props: { referral: Referral; feedback: ActionFeedback }) {
  const [worker, setWorker] = createSignal<{ userId: string; name: string }>();
  const choiceId = () => `assign-worker-${props.referral.id}`;
  const assign = useReferralAction({
    onSuccess: (referral) =>
      props.feedback.succeed(
        `${personName(referral)} is now on ${referral.assignedToName ?? worker()?.name ?? "the link worker"}'s caseload.`,
      ),
    onError: (error) => props.feedback.failFrom(error, () => choiceId(), choiceId()),
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (assign.isPending) return;
    const chosen = worker();
    if (!chosen) {
      return props.feedback.failFields([{ targetId: choiceId(), message: "Choose a link worker" }]);
    }
    assign.mutate({
      action: "assign",
      referralId: props.referral.id,
      body: { version: props.referral.version, linkWorkerId: chosen.userId },
    });
  };
  return (
    <form novalidate onSubmit={submit} data-testid="assign-form">
      <LinkWorkerChoice
        id={choiceId()}
        organisationId={props.referral.organisationId ?? ""}
        legend="Which link worker should support this person?"
        hint="They will see the case on their caseload straight away"
        nobodyToChoose="There is no link worker in your organisation to assign this referral to. An administrator can add one; or return the referral to triage to be allocated elsewhere."
        error={props.feedback.messageFor(choiceId())}
        value={worker()?.userId}
        onChange={(userId, name) => setWorker({ userId, name })}
      >
        <Button disabled={assign.isPending}>
          {assign.isPending ? "Assigning…" : "Assign"}
          <span class="nhsuk-u-visually-hidden"> {personName(props.referral)}</span>
        </Button>
      </LinkWorkerChoice>
    </form>
  );
}
