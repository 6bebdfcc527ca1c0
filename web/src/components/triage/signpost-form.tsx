import { SignpostRequest } from "@linkwork/core/referral/requests";
import type { Referral } from "@linkwork/core/referral/schema";
import { createSignal } from "solid-js";
import { useReferralAction } from "../../queries/referral-actions";
import { Button } from "../../ui/button";
import { Textarea } from "../../ui/textarea";
import type { ActionFeedback } from "../feedback/action-feedback";

const noteId = "signpost-note";

/** Closing at triage, for someone who only needs information: no organisation is involved. */
export function SignpostForm(props: { referral: Referral; feedback: ActionFeedback }) {
  const [note, setNote] = createSignal("");
  const signpost = useReferralAction({
    onSuccess: () =>
      props.feedback.succeed("Closed as signposted. The referrer can see this on the referral."),
    onError: (error) => props.feedback.failFrom(error, () => noteId, noteId),
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (signpost.isPending) return;
    const parsed = SignpostRequest.safeParse({
      version: props.referral.version,
      ...(note().trim() ? { note: note() } : {}),
    });
    if (!parsed.success) {
      return props.feedback.failFields(
        parsed.error.issues.map((issue) => ({ targetId: noteId, message: issue.message })),
      );
    }
    signpost.mutate({ action: "signpost", referralId: props.referral.id, body: parsed.data });
  };
  return (
    <form novalidate onSubmit={submit} aria-labelledby="signpost-heading">
      <h2 class="nhsuk-heading-m" id="signpost-heading">
        Or close as signposted
      </h2>
      <p class="nhsuk-body">
        If information is all the person needs, give it to them and close the referral here. It will not go to
        an organisation.
      </p>
      <Textarea
        id={noteId}
        label="What did you signpost them to? (optional)"
        hint="For example, the services or groups you told them about"
        error={props.feedback.messageFor(noteId)}
        value={note()}
        onInput={setNote}
        rows={3}
      />
      <Button variant="secondary" disabled={signpost.isPending}>
        {signpost.isPending ? "Closing…" : "Close as signposted"}
      </Button>
    </form>
  );
}
