import { CloseRequest } from "@linkwork/core/referral/requests";
import { ClosureReason, type Referral } from "@linkwork/core/referral/schema";
import { createSignal, Show } from "solid-js";
import { closureReasonLabels } from "../../labels/referral-labels";
import { useReferralAction } from "../../queries/referral-actions";
import { Button } from "../../ui/button";
import { Details } from "../../ui/details";
import { Radios } from "../../ui/radios";
import { Textarea } from "../../ui/textarea";
import type { ActionFeedback } from "../feedback/action-feedback";

/** Signposting closes a referral at triage; a case a link worker held ends for one of the others. */
const closeReasonOptions = ClosureReason.options
  .filter((reason) => reason !== "signposted")
  .map((value) => ({ value, label: closureReasonLabels[value] }));

const personName = (referral: Referral) => `${referral.person.givenName} ${referral.person.familyName}`;

/**
 * What a link worker (or their manager) does with a case: record first contact, and close it with
 * a reason, each shown only where the referral's `allowedActions` say the user may.
 */
export function CaseActions(props: {
  referral: Referral;
  feedback: ActionFeedback;
  /** A page may leave recording contact out even where it is allowed. */
  mayRecordContact?: boolean;
}) {
  const may = (action: "record_first_contact" | "close") => props.referral.allowedActions.includes(action);
  const [reason, setReason] = createSignal<string>();
  const [summary, setSummary] = createSignal("");
  const [note, setNote] = createSignal("");
  const reasonId = () => `close-reason-${props.referral.id}`;
  const summaryId = () => `close-summary-${props.referral.id}`;
  const noteId = () => `close-note-${props.referral.id}`;
  const targetFor = (path: string) =>
    path === "note" ? noteId() : path === "summary" ? summaryId() : reasonId();
  const act = useReferralAction({
    onSuccess: (referral, variables) =>
      props.feedback.succeed(
        variables.action === "close" && referral.closureReason
          ? `${personName(referral)}'s case is closed (${closureReasonLabels[referral.closureReason].toLowerCase()}). The GP and referrer can now read the message back.`
          : `First contact with ${personName(referral)} recorded.`,
      ),
    onError: (error) => props.feedback.failFrom(error, targetFor, reasonId()),
  });

  const recordContact = () => {
    if (act.isPending) return;
    act.mutate({
      action: "first-contact",
      referralId: props.referral.id,
      body: { version: props.referral.version },
    });
  };

  const close = (event: SubmitEvent) => {
    event.preventDefault();
    if (act.isPending) return;
    const parsed = CloseRequest.safeParse({
      version: props.referral.version,
      reason: reason(),
      summary: summary(),
      ...(note().trim() ? { note: note() } : {}),
    });
    if (!parsed.success) {
      return props.feedback.failFields(
        parsed.error.issues.map((issue) => {
          const onReason = issue.path[0] === "reason";
          return {
            targetId: onReason ? reasonId() : targetFor(String(issue.path[0])),
            message: onReason ? "Select why the case is closing" : issue.message,
          };
        }),
      );
    }
    act.mutate({ action: "close", referralId: props.referral.id, body: parsed.data });
  };

  const hasCloseError = () =>
    [reasonId(), summaryId(), noteId()].some((id) => Boolean(props.feedback.messageFor(id)));

  return (
    <div class="linkwork-decision">
      <Show when={props.mayRecordContact !== false && may("record_first_contact")}>
        <Button type="button" disabled={act.isPending} onClick={recordContact}>
          Record first contact<span class="nhsuk-u-visually-hidden"> with {personName(props.referral)}</span>
        </Button>
      </Show>
      <Show when={may("close")}>
        <Details summary="Close this case" open={hasCloseError()}>
          <form novalidate onSubmit={close}>
            <Radios
              id={reasonId()}
              legend="Why is the case closing?"
              legendSize="s"
              error={props.feedback.messageFor(reasonId())}
              value={reason()}
              onChange={setReason}
              options={closeReasonOptions}
              small
            />
            <Textarea
              id={summaryId()}
              label="Summary for the GP and referrer"
              hint="What support the person had, what they were connected to and how they are now. This is what the message back tells them"
              error={props.feedback.messageFor(summaryId())}
              value={summary()}
              onInput={setSummary}
              rows={5}
            />
            <Textarea
              id={noteId()}
              label="Closing note (optional)"
              hint="Anything else about why the case is closing. It shows on the referral's timeline"
              error={props.feedback.messageFor(noteId())}
              value={note()}
              onInput={setNote}
              rows={3}
            />
            <Button variant="secondary" disabled={act.isPending}>
              Close case<span class="nhsuk-u-visually-hidden"> for {personName(props.referral)}</span>
            </Button>
          </form>
        </Details>
      </Show>
    </div>
  );
}
