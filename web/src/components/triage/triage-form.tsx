import { TriageRequest } from "@linkwork/core/referral/requests";
import type { Referral } from "@linkwork/core/referral/schema";
import { createSignal } from "solid-js";
import { optionalLabel } from "../../labels/optional-label";
import { priorityLabels, supportLevelLabels } from "../../labels/referral-labels";
import { useReferralAction } from "../../queries/referral-actions";
import { Button } from "../../ui/button";
import { Checkboxes } from "../../ui/checkboxes";
import { Radios } from "../../ui/radios";
import { Textarea } from "../../ui/textarea";
import type { ActionFeedback } from "../feedback/action-feedback";
import { priorityOptions, supportLevelOptions, triageNeedOptions, triageRiskOptions } from "./triage-options";

/** Each question's control, by the path the schema and the API report problems at. */
const targets: Record<string, string> = {
  priority: "triage-priority",
  supportLevel: "triage-supportLevel",
  needs: "triage-needs",
  riskFlags: "triage-riskFlags",
  note: "triage-note",
};
const targetFor = (path: string) => targets[path.split(".")[0] ?? ""];

/** The schema's messages for an unanswered choice are written for developers; these are for people. */
const unanswered: Record<string, string> = {
  priority: "Select a priority",
  supportLevel: "Select a support level",
};

/**
 * Triage: priority, support level, needs and risks, prefilled from the referral, checked with the
 * API's own schema. Nothing typed is lost if the referral changes meanwhile and is reloaded.
 */
export function TriageForm(props: { referral: Referral; feedback: ActionFeedback }) {
  const [priority, setPriority] = createSignal<string | undefined>(props.referral.priority);
  const [supportLevel, setSupportLevel] = createSignal<string | undefined>(props.referral.supportLevel);
  const [needs, setNeeds] = createSignal<string[]>([...props.referral.needs]);
  const [riskFlags, setRiskFlags] = createSignal<string[]>([...props.referral.riskFlags]);
  const [note, setNote] = createSignal("");
  const triage = useReferralAction({
    onSuccess: (referral) =>
      props.feedback.succeed(
        `Triaged as ${optionalLabel(priorityLabels, referral.priority, "").toLowerCase()} priority, ${optionalLabel(supportLevelLabels, referral.supportLevel, "").toLowerCase()}.${referral.supportLevel === "signposting" ? " You can close it as signposted." : " Now choose an organisation to allocate it to."}`,
      ),
    onError: (error) => props.feedback.failFrom(error, targetFor, "triage-form"),
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (triage.isPending) return;
    const parsed = TriageRequest.safeParse({
      version: props.referral.version,
      priority: priority(),
      supportLevel: supportLevel(),
      needs: needs(),
      riskFlags: riskFlags(),
      ...(note().trim() ? { note: note() } : {}),
    });
    if (!parsed.success) {
      const seen = new Set<string>();
      const items = parsed.error.issues.flatMap((issue) => {
        const path = issue.path.map(String).join(".");
        const targetId = targetFor(path) ?? "triage-form";
        if (seen.has(targetId)) return [];
        seen.add(targetId);
        const invalidChoice = issue.code === "invalid_value" || issue.code === "invalid_type";
        return [{ targetId, message: (invalidChoice && unanswered[path]) || issue.message }];
      });
      return props.feedback.failFields(items);
    }
    triage.mutate({ action: "triage", referralId: props.referral.id, body: parsed.data });
  };

  return (
    <form id="triage-form" novalidate onSubmit={submit} aria-labelledby="triage-heading">
      <h2 class="nhsuk-heading-m" id="triage-heading">
        Triage
      </h2>
      <Radios
        id={targets.priority ?? ""}
        legend="Priority"
        legendSize="s"
        error={props.feedback.messageFor("triage-priority")}
        value={priority()}
        onChange={setPriority}
        options={priorityOptions}
      />
      <Radios
        id={targets.supportLevel ?? ""}
        legend="Support level"
        legendSize="s"
        hint="How much help the person needs to get connected"
        error={props.feedback.messageFor("triage-supportLevel")}
        value={supportLevel()}
        onChange={setSupportLevel}
        options={supportLevelOptions}
      />
      <Checkboxes
        id={targets.needs ?? ""}
        legend="Needs"
        legendSize="s"
        hint="As the referral described them. Change them if you learned more"
        error={props.feedback.messageFor("triage-needs")}
        values={needs()}
        onChange={setNeeds}
        options={triageNeedOptions}
        small
      />
      <Checkboxes
        id={targets.riskFlags ?? ""}
        legend="Risks (optional)"
        legendSize="s"
        hint="Select all that apply"
        error={props.feedback.messageFor("triage-riskFlags")}
        values={riskFlags()}
        onChange={setRiskFlags}
        options={triageRiskOptions}
        small
      />
      <Textarea
        id={targets.note ?? ""}
        label="Note for the organisation (optional)"
        hint="Anything they should know before contacting the person"
        error={props.feedback.messageFor("triage-note")}
        value={note()}
        onInput={setNote}
        rows={3}
      />
      <Button disabled={triage.isPending}>{triage.isPending ? "Saving triage…" : "Save triage"}</Button>
    </form>
  );
}
