import type { Escalation } from "@linkwork/core/casework/schema";
import { ResolveEscalationRequest } from "@linkwork/core/casework/schema";
import { createDraft } from "../../drafts/create-draft";
import type { DraftAddress } from "../../drafts/draft-storage";
import { escalationTargetPhrases } from "../../labels/casework-labels";
import { useCaseWrite } from "../../queries/case-actions";
import { isCaseConflict } from "../../queries/case-conflict";
import { Button } from "../../ui/button";
import { Details } from "../../ui/details";
import { Textarea } from "../../ui/textarea";
import type { ActionFeedback } from "../feedback/action-feedback";
import { problemsFrom } from "./form-problems";

/** Records how an open escalation was answered, which takes it off the queues. */
export function ResolveEscalation(props: {
  escalation: Escalation;
  referralId: string;
  draft: Omit<DraftAddress, "form">;
  feedback: ActionFeedback;
}) {
  const form = createDraft({ ...props.draft, form: `resolve-${props.escalation.escalationId}` }, () => ({
    note: "",
  }));
  const noteId = () => `resolve-${props.escalation.escalationId}-note`;
  const what = () => escalationTargetPhrases[props.escalation.to].toLowerCase();
  const write = useCaseWrite(() => props.referralId, {
    onSuccess: () => {
      form.reset();
      props.feedback.succeed(`The escalation (${what()}) is resolved.`);
    },
    onError: (error) => {
      if (isCaseConflict(error)) {
        return props.feedback.failStale(
          "This escalation has changed",
          "Someone else updated this escalation while you were looking, perhaps resolving it.",
          () => undefined,
        );
      }
      props.feedback.failFrom(error, noteId, noteId());
    },
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (write.isPending) return;
    const parsed = ResolveEscalationRequest.safeParse({
      version: props.escalation.version,
      note: form.values.note,
    });
    if (!parsed.success) return props.feedback.failFields(problemsFrom(parsed.error.issues, noteId));
    write.mutate({
      kind: "resolve_escalation",
      escalationId: props.escalation.escalationId,
      body: parsed.data,
    });
  };
  return (
    <Details summary="Mark as resolved" open={form.touched() || Boolean(props.feedback.messageFor(noteId()))}>
      <form novalidate onSubmit={submit} aria-label={`Resolve: ${what()}`}>
        <Textarea
          id={noteId()}
          label="How was it resolved?"
          hint="What the GP, social care or the safeguarding team did or said"
          error={props.feedback.messageFor(noteId())}
          value={form.values.note}
          onInput={(value) => form.set("note", value)}
          rows={3}
        />
        <Button variant="secondary" disabled={write.isPending}>
          Mark as resolved
        </Button>
      </form>
    </Details>
  );
}
