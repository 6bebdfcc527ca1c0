import { MeasureRequest } from "@linkwork/core/casework/measure-schema";
import type { Case } from "@linkwork/core/casework/schema";
import { domainStatuses } from "@linkwork/core/casework/vocabulary";
import type { NeedDomain } from "@linkwork/core/referral/schema";
import { For, Show } from "solid-js";
import { createDraft } from "../../drafts/create-draft";
import type { DraftAddress } from "../../drafts/draft-storage";
import { domainStatusLabels, measureStageLabels } from "../../labels/casework-labels";
import { needLabels } from "../../labels/referral-labels";
import { useCaseWrite } from "../../queries/case-actions";
import { Button } from "../../ui/button";
import type { ErrorSummaryItem } from "../../ui/error-summary";
import { Radios } from "../../ui/radios";
import type { ActionFeedback } from "../feedback/action-feedback";
import { DraftRestored } from "./draft-restored";
import { stageOptions, stagesOpen } from "./stage-options";

const stageId = "domains-stage";
const needId = (need: NeedDomain) => `domains-${need}`;
const statusOptions = domainStatuses.map((value) => ({ value, label: domainStatusLabels[value] }));

/** The needs to assess: the referral's, and any assessed before that triage has since dropped. */
export function assessedNeeds(needs: readonly NeedDomain[], current: Case): NeedDomain[] {
  const earlier = Object.keys(current.domains.baseline?.statuses ?? {}).filter(
    (need): need is NeedDomain => need in needLabels,
  );
  return [...new Set([...needs, ...earlier])];
}

/**
 * How the person is managing with each need, on Dudley's four-point scale: the baseline at the
 * start, reviews during support, the final assessment at the end.
 */
export function DomainsForm(props: {
  case: Case;
  needs: readonly NeedDomain[];
  draft: Omit<DraftAddress, "form">;
  personName: string;
  feedback: ActionFeedback;
}) {
  const stages = () => stagesOpen(props.case.domains.baseline !== undefined);
  const needs = () => assessedNeeds(props.needs, props.case);
  const empty = () => ({
    stage: "",
    ...Object.fromEntries(assessedNeeds(props.needs, props.case).map((need) => [need, ""])),
  });
  const form = createDraft<Record<string, string>>({ ...props.draft, form: "domains" }, empty);
  const stage = () => (stages().length === 1 ? stages()[0] : form.values.stage || undefined);
  const lastTime = (need: NeedDomain) => {
    const status = props.case.domains.latest?.statuses[need];
    return status ? `Last time: ${domainStatusLabels[status]}` : undefined;
  };

  const write = useCaseWrite(() => props.case.referralId, {
    onSuccess: (_latest, write) => {
      form.reset(empty());
      const recorded = write.kind === "measure" ? measureStageLabels[write.body.stage] : "";
      props.feedback.succeed(`${recorded} need domains recorded for ${props.personName}.`);
    },
    onError: (error) =>
      props.feedback.failFrom(
        error,
        (path) => {
          const need = path.split(".")[1];
          return path.startsWith("answers.") && need ? `domains-${need}` : stageId;
        },
        stageId,
      ),
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (write.isPending) return;
    const problems: ErrorSummaryItem[] = [];
    const chosenStage = stage();
    if (!chosenStage) problems.push({ targetId: stageId, message: "Select when this assessment is" });
    for (const need of needs()) {
      if (!form.values[need]) {
        problems.push({
          targetId: needId(need),
          message: `Select how they are managing with ${needLabels[need].toLowerCase()}`,
        });
      }
    }
    const parsed = MeasureRequest.safeParse({
      tool: "domains",
      stage: chosenStage,
      answers: Object.fromEntries(needs().map((need) => [need, form.values[need]])),
    });
    if (problems.length > 0 || !parsed.success) {
      return props.feedback.failFields(
        problems.length > 0
          ? problems
          : [{ targetId: stageId, message: "Check the assessment and try again" }],
      );
    }
    write.mutate({ kind: "measure", body: parsed.data });
  };

  return (
    <form novalidate onSubmit={submit} aria-labelledby="domains-form-heading" data-testid="domains-form">
      <h3 class="nhsuk-heading-s" id="domains-form-heading">
        {stages().length === 1 ? "Record the baseline" : "Record how things are now"}
      </h3>
      <Show when={form.restored()}>
        <DraftRestored />
      </Show>
      <Show
        when={stages().length > 1}
        fallback={
          <p class="nhsuk-body" id={stageId} tabindex="-1">
            This is the baseline: how things are at the start of support.
          </p>
        }
      >
        <Radios
          id={stageId}
          legend="When is this assessment?"
          legendSize="s"
          error={props.feedback.messageFor(stageId)}
          value={form.values.stage || undefined}
          onChange={(value) => form.set("stage", value)}
          options={stageOptions(stages())}
          small
        />
      </Show>
      <For each={needs()}>
        {(need) => (
          <Radios
            id={needId(need)}
            legend={needLabels[need]}
            legendSize="s"
            hint={lastTime(need)}
            error={props.feedback.messageFor(needId(need))}
            value={form.values[need] || undefined}
            onChange={(value) => form.set(need, value)}
            options={statusOptions}
            small
          />
        )}
      </For>
      <Button disabled={write.isPending}>{write.isPending ? "Saving…" : "Save need domains"}</Button>
    </form>
  );
}
