import type { MeasureToolDefinition } from "@linkwork/core/casework/measure-schema";
import type { Case } from "@linkwork/core/casework/schema";
import type { MeasureTool } from "@linkwork/core/casework/vocabulary";
import { CloseRequest } from "@linkwork/core/referral/requests";
import { ClosureReason, type Referral } from "@linkwork/core/referral/schema";
import { useQueryClient } from "@tanstack/solid-query";
import { For, Match, Show, Switch } from "solid-js";
import { createDraft } from "../../drafts/create-draft";
import type { DraftAddress } from "../../drafts/draft-storage";
import { formatDateTime } from "../../format/dates";
import { measureToolLabels } from "../../labels/casework-labels";
import { closureReasonLabels } from "../../labels/referral-labels";
import { caseKeys } from "../../queries/case";
import { useReferralAction } from "../../queries/referral-actions";
import { Button, ButtonLink } from "../../ui/button";
import { InsetText } from "../../ui/inset-text";
import { Radios } from "../../ui/radios";
import { SummaryList, SummaryRow } from "../../ui/summary-list";
import { Textarea } from "../../ui/textarea";
import type { ActionFeedback } from "../feedback/action-feedback";
import type { CloseFlow } from "./close-flow";
import { DraftRestored } from "./draft-restored";
import { problemsFrom } from "./form-problems";

const ids = { reason: "close-reason", summary: "close-summary", note: "close-note", start: "close-start" };
const targetFor = (path: string) => {
  const field = path.split(".")[0];
  if (field === "summary") return ids.summary;
  if (field === "note") return ids.note;
  return ids.reason;
};

/** Signposting closes a referral at triage; a case a link worker held ends for one of the others. */
const reasonOptions = ClosureReason.options
  .filter((reason) => reason !== "signposted")
  .map((value) => ({ value, label: closureReasonLabels[value] }));

/** The measures the message back compares with the baseline that have no final measure yet. */
export function finalMeasuresMissing(current: Case, tools: readonly MeasureToolDefinition[]): MeasureTool[] {
  const hasFinal = (tool: MeasureTool) =>
    current.measures.some((measure) => measure.tool === tool && measure.stage === "final");
  const wanted: MeasureTool[] = [...tools.map((tool) => tool.tool), "domains"];
  return wanted.filter((tool) => !hasFinal(tool));
}

/**
 * Closing a case: first the final measures if they are missing, then the reason and the summary the
 * GP and referrer will read, then a check of both before anything is sent. Afterwards, the way to
 * the message back.
 */
export function CloseCase(props: {
  referral: Referral;
  case: Case;
  tools: readonly MeasureToolDefinition[];
  mayClose: boolean;
  flow: CloseFlow;
  draft: Omit<DraftAddress, "form">;
  personName: string;
  feedback: ActionFeedback;
  onRecordFinal: (tool: MeasureTool) => void;
}) {
  const queryClient = useQueryClient();
  const form = createDraft({ ...props.draft, form: "close" }, () => ({ reason: "", summary: "", note: "" }));
  if (form.restored()) props.flow.resume();
  const missing = () => finalMeasuresMissing(props.case, props.tools);

  const close = useReferralAction({
    onSuccess: () => {
      form.reset();
      props.flow.finish();
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(props.referral.id), exact: true });
      props.feedback.succeed(
        `${props.personName}'s case is closed. The message back is ready for their GP and the referrer.`,
      );
    },
    onError: (error) => {
      props.flow.open();
      props.feedback.failFrom(error, targetFor, ids.reason);
    },
  });

  const request = () =>
    CloseRequest.safeParse({
      version: props.case.referralVersion,
      reason: form.values.reason || props.flow.reason() || undefined,
      summary: form.values.summary,
      ...(form.values.note.trim() ? { note: form.values.note } : {}),
    });

  const review = (event: SubmitEvent) => {
    event.preventDefault();
    const parsed = request();
    if (!parsed.success) {
      return props.feedback.failFields(
        problemsFrom(parsed.error.issues, targetFor, { reason: "Select why the case is closing" }),
      );
    }
    props.feedback.clear();
    props.flow.confirm();
  };

  const send = () => {
    if (close.isPending) return;
    const parsed = request();
    if (!parsed.success) return props.flow.open();
    close.mutate({ action: "close", referralId: props.referral.id, body: parsed.data });
  };

  const reason = () => form.values.reason || props.flow.reason() || "";
  const reasonLabel = () => {
    const chosen = ClosureReason.options.find((option) => option === reason());
    return chosen ? closureReasonLabels[chosen] : "";
  };

  return (
    <Switch>
      <Match when={props.case.referralStatus === "closed"}>
        <p class="nhsuk-body">
          This case closed
          {props.referral.closedAt ? ` on ${formatDateTime(props.referral.closedAt)}` : ""}
          {props.referral.closureReason
            ? `: ${closureReasonLabels[props.referral.closureReason].toLowerCase()}`
            : ""}
          .
        </p>
        <ButtonLink href={`/referrals/${props.referral.id}/message-back`}>
          Read the message back to the GP
        </ButtonLink>
        <Show when={props.referral.allowedActions.includes("reopen")}>
          <p class="nhsuk-body">
            To record anything more,{" "}
            <a href={`/referrals/${props.referral.id}`}>reopen the case from the referral</a>.
          </p>
        </Show>
      </Match>
      <Match when={!props.mayClose}>
        <p class="nhsuk-body">Only the link worker holding this case or their manager can close it.</p>
      </Match>
      <Match when={props.flow.step() === "idle"}>
        <p class="nhsuk-body">
          When support ends, close the case. Its summary goes back to {props.personName}'s GP and the
          referrer.
        </p>
        <div id={ids.start} tabindex="-1">
          <Button type="button" variant="secondary" onClick={() => props.flow.open()}>
            Close this case
          </Button>
        </div>
      </Match>
      <Match when={props.flow.step() === "details"}>
        <form novalidate onSubmit={review} aria-label="Close the case" data-testid="close-form">
          <Show when={form.restored()}>
            <DraftRestored />
          </Show>
          <Show when={missing().length > 0}>
            <InsetText>
              <p>Record the final measures first: the message back compares them with the baseline.</p>
              <ul class="nhsuk-list">
                <For each={missing()}>
                  {(tool) => (
                    <li>
                      <a
                        href={tool === "domains" ? "#domains" : `#measure-${tool}`}
                        onClick={(event) => {
                          event.preventDefault();
                          props.onRecordFinal(tool);
                        }}
                      >
                        Record the final {measureToolLabels[tool]}
                      </a>
                    </li>
                  )}
                </For>
              </ul>
              <p>You can close without them if the person did not want to answer.</p>
            </InsetText>
          </Show>
          <Radios
            id={ids.reason}
            legend="Why is the case closing?"
            legendSize="s"
            error={props.feedback.messageFor(ids.reason)}
            value={reason() || undefined}
            onChange={(value) => form.set("reason", value)}
            options={reasonOptions}
            small
          />
          <Textarea
            id={ids.summary}
            label="Summary for the GP and referrer"
            labelSize="s"
            hint="What support was given, what the person was connected to and how they are now. This is the message back: write it for their GP to read"
            error={props.feedback.messageFor(ids.summary)}
            value={form.values.summary}
            onInput={(value) => form.set("summary", value)}
            rows={6}
          />
          <Textarea
            id={ids.note}
            label="Note on the referral's timeline (optional)"
            hint="Everyone who follows the referral reads this, the referrer included"
            labelSize="s"
            error={props.feedback.messageFor(ids.note)}
            value={form.values.note}
            onInput={(value) => form.set("note", value)}
            rows={2}
          />
          <div class="linkwork-button-row">
            <Button>Continue</Button>
            <Button type="button" variant="secondary" onClick={() => props.flow.cancel()}>
              Not now
            </Button>
          </div>
        </form>
      </Match>
      <Match when={props.flow.step() === "confirm"}>
        <div data-testid="close-confirm">
          <h3 class="nhsuk-heading-s" id="close-confirm-heading" tabindex="-1">
            Check before you close {props.personName}'s case
          </h3>
          <SummaryList>
            <SummaryRow key="Reason">{reasonLabel()}</SummaryRow>
            <SummaryRow key="Summary for the GP">
              <span class="linkwork-preserve-lines">{form.values.summary}</span>
            </SummaryRow>
            <Show when={missing().length > 0}>
              <SummaryRow key="Final measures">
                Not recorded:{" "}
                {missing()
                  .map((tool) => measureToolLabels[tool])
                  .join(", ")}
              </SummaryRow>
            </Show>
          </SummaryList>
          <p class="nhsuk-body">
            Closing frees the place on the caseload and sends the message back. You can reopen the case later
            if needed.
          </p>
          <div class="linkwork-button-row">
            <Button type="button" variant="warning" disabled={close.isPending} onClick={send}>
              {close.isPending ? "Closing…" : "Close case"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => props.flow.open()}>
              Change
            </Button>
          </div>
        </div>
      </Match>
    </Switch>
  );
}
