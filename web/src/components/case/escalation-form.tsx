import { EscalationRequest } from "@linkwork/core/casework/schema";
import { escalationTargets } from "@linkwork/core/casework/vocabulary";
import { Show } from "solid-js";
import { createDraft } from "../../drafts/create-draft";
import type { DraftAddress } from "../../drafts/draft-storage";
import { escalationTargetLabels, escalationTargetPhrases } from "../../labels/casework-labels";
import { useCaseWrite } from "../../queries/case-actions";
import { Button } from "../../ui/button";
import { Radios } from "../../ui/radios";
import { Textarea } from "../../ui/textarea";
import type { ActionFeedback } from "../feedback/action-feedback";
import { DraftRestored } from "./draft-restored";
import { problemsFrom } from "./form-problems";

const ids = { to: "escalation-to", note: "escalation-note" };
const targetFor = (path: string) => (path.startsWith("to") ? ids.to : ids.note);

const targetOptions = escalationTargets.map((value) => ({
  value,
  label: escalationTargetLabels[value],
  hint:
    value === "gp"
      ? "A health need the GP should know about or act on"
      : value === "adult_social_care"
        ? "Care and support needs beyond what social prescribing offers"
        : "Someone is at risk of abuse or neglect. If they are in immediate danger, call 999 first",
}));

/**
 * Raises a concern beyond the link worker's role: back to the GP, to adult social care, or a
 * safeguarding concern. It flags the case, goes on the timeline, and the queues show it.
 */
export function EscalationForm(props: {
  referralId: string;
  draft: Omit<DraftAddress, "form">;
  personName: string;
  feedback: ActionFeedback;
}) {
  const form = createDraft({ ...props.draft, form: "escalation" }, () => ({ to: "", note: "" }));
  const write = useCaseWrite(() => props.referralId, {
    onSuccess: (_latest, write) => {
      form.reset();
      const phrase = write.kind === "escalation" ? escalationTargetPhrases[write.body.to] : "Escalated";
      props.feedback.succeed(
        `${phrase} for ${props.personName}. It is on the case and on your manager's and the coordinator's queues.`,
      );
    },
    onError: (error) => props.feedback.failFrom(error, targetFor, ids.to),
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (write.isPending) return;
    const parsed = EscalationRequest.safeParse({ to: form.values.to || undefined, note: form.values.note });
    if (!parsed.success) {
      return props.feedback.failFields(
        problemsFrom(parsed.error.issues, targetFor, { to: "Select who to escalate to" }),
      );
    }
    write.mutate({ kind: "escalation", body: parsed.data });
  };
  return (
    <form novalidate onSubmit={submit} aria-label="Escalate" data-testid="escalation-form">
      <Show when={form.restored()}>
        <DraftRestored />
      </Show>
      <Radios
        id={ids.to}
        legend="Escalate to"
        legendSize="s"
        error={props.feedback.messageFor(ids.to)}
        value={form.values.to || undefined}
        onChange={(value) => form.set("to", value)}
        options={targetOptions}
        small
      />
      <Textarea
        id={ids.note}
        label="What is the concern?"
        labelSize="s"
        hint="What you saw or heard, what you have done so far, and what you need from them"
        error={props.feedback.messageFor(ids.note)}
        value={form.values.note}
        onInput={(value) => form.set("note", value)}
        rows={4}
      />
      <Button variant="warning" disabled={write.isPending}>
        {write.isPending ? "Escalating…" : "Escalate"}
      </Button>
    </form>
  );
}
