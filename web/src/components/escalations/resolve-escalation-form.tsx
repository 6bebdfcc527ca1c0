import { createSignal } from "solid-js";
import { escalationTargetPhrases } from "../../labels/casework-labels";
import { type OpenEscalation, useResolveEscalation } from "../../queries/escalations";
import { Button } from "../../ui/button";
import { Details } from "../../ui/details";
import { Textarea } from "../../ui/textarea";
import type { ActionFeedback } from "../feedback/action-feedback";

export const resolveNoteId = (escalationId: string) => `resolve-note-${escalationId}`;

const maximumNote = 4000;

/** Marks an escalation as dealt with, saying what was done: the note stays on the case. */
export function ResolveEscalationForm(props: {
  escalation: OpenEscalation;
  subject: string;
  feedback: ActionFeedback;
}) {
  const [note, setNote] = createSignal("");
  const noteId = () => resolveNoteId(props.escalation.escalationId);
  const resolve = useResolveEscalation({
    onSuccess: () =>
      props.feedback.succeed(
        `${escalationTargetPhrases[props.escalation.to]} for ${props.subject} is marked as resolved.`,
      ),
    onError: (error) => props.feedback.failFrom(error, () => noteId(), noteId()),
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (resolve.isPending) return;
    const typed = note().trim();
    if (typed === "") {
      return props.feedback.failFields([
        { targetId: noteId(), message: "Say how the escalation was resolved" },
      ]);
    }
    if (typed.length > maximumNote) {
      return props.feedback.failFields([
        { targetId: noteId(), message: `Keep the note to ${maximumNote} characters or fewer` },
      ]);
    }
    resolve.mutate({ escalation: props.escalation, note: typed });
  };
  return (
    <Details summary="Mark as resolved" open={Boolean(props.feedback.messageFor(noteId()))}>
      <form novalidate onSubmit={submit}>
        <Textarea
          id={noteId()}
          label="What was done about it?"
          hint="For example, who you spoke to and what they agreed. This stays on the case record"
          error={props.feedback.messageFor(noteId())}
          value={note()}
          onInput={setNote}
          rows={3}
        />
        <Button variant="secondary" disabled={resolve.isPending}>
          {resolve.isPending ? "Saving…" : "Mark as resolved"}
          <span class="nhsuk-u-visually-hidden"> for {props.subject}</span>
        </Button>
      </form>
    </Details>
  );
}
