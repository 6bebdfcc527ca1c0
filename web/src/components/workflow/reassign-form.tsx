import type { Referral } from "@linkwork/core/referral/schema";
import { createSignal } from "solid-js";
import { useReferralAction } from "../../queries/referral-actions";
import { Button } from "../../ui/button";
import { Details } from "../../ui/details";
import { Textarea } from "../../ui/textarea";
import type { ActionFeedback } from "../feedback/action-feedback";
import { LinkWorkerChoice } from "./link-worker-choice";

const personName = (referral: Referral) => `${referral.person.givenName} ${referral.person.familyName}`;
const maximumReason = 2000;

/**
 * A manager moves a case to another of their link workers (leave, part-time cover, a better
 * match), with the reason on the timeline; the new worker's caseload limit is checked.
 */
export function ReassignForm(props: { referral: Referral; feedback: ActionFeedback }) {
  const [worker, setWorker] = createSignal<{ userId: string; name: string }>();
  const [reason, setReason] = createSignal("");
  const choiceId = () => `reassign-worker-${props.referral.id}`;
  const reasonId = () => `reassign-reason-${props.referral.id}`;
  const targetFor = (path: string) => (path === "reason" ? reasonId() : choiceId());
  const reassign = useReferralAction({
    onSuccess: (referral) => {
      setReason("");
      setWorker(undefined);
      props.feedback.succeed(
        `${personName(referral)}'s case has moved to ${referral.assignedToName ?? "the link worker you chose"}.`,
      );
    },
    onError: (error) => props.feedback.failFrom(error, targetFor, choiceId()),
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (reassign.isPending) return;
    const chosen = worker();
    const typed = reason().trim();
    const problems = [
      ...(chosen ? [] : [{ targetId: choiceId(), message: "Choose the link worker to move the case to" }]),
      ...(typed === ""
        ? [{ targetId: reasonId(), message: "Say why the case is moving" }]
        : typed.length > maximumReason
          ? [{ targetId: reasonId(), message: `Keep the reason to ${maximumReason} characters or fewer` }]
          : []),
    ];
    if (problems.length > 0 || !chosen) return props.feedback.failFields(problems);
    reassign.mutate({
      action: "reassign",
      referralId: props.referral.id,
      body: { version: props.referral.version, linkWorkerId: chosen.userId, reason: typed },
    });
  };
  const hasError = () =>
    Boolean(props.feedback.messageFor(choiceId()) || props.feedback.messageFor(reasonId()));
  return (
    <Details summary="Move to another link worker" open={hasError()}>
      <form novalidate onSubmit={submit} data-testid="reassign-form">
        <LinkWorkerChoice
          id={choiceId()}
          organisationId={props.referral.organisationId ?? ""}
          legend="Who should take over this case?"
          exceptUserId={props.referral.assignedTo}
          nobodyToChoose="There is no other link worker in your organisation to move this case to. An administrator can add one; or return the referral to triage to be allocated elsewhere."
          error={props.feedback.messageFor(choiceId())}
          value={worker()?.userId}
          onChange={(userId, name) => setWorker({ userId, name })}
        >
          <Textarea
            id={reasonId()}
            label="Why is the case moving?"
            hint="For example, annual leave, part-time cover, or a worker who speaks the person's language. This shows on the timeline"
            error={props.feedback.messageFor(reasonId())}
            value={reason()}
            onInput={setReason}
            rows={3}
          />
          <Button variant="secondary" disabled={reassign.isPending}>
            {reassign.isPending ? "Moving…" : "Move case"}
            <span class="nhsuk-u-visually-hidden"> for {personName(props.referral)}</span>
          </Button>
        </LinkWorkerChoice>
      </form>
    </Details>
  );
}
