import { MeasureRequest, type MeasureToolDefinition } from "@linkwork/core/casework/measure-schema";
import type { Case } from "@linkwork/core/casework/schema";
import { For, Show } from "solid-js";
import { createDraft } from "../../drafts/create-draft";
import type { DraftAddress } from "../../drafts/draft-storage";
import { measureStageLabels } from "../../labels/casework-labels";
import { useCaseWrite } from "../../queries/case-actions";
import { Button } from "../../ui/button";
import type { ErrorSummaryItem } from "../../ui/error-summary";
import { Radios } from "../../ui/radios";
import { WarningCallout } from "../../ui/warning-callout";
import type { ActionFeedback } from "../feedback/action-feedback";
import { DraftRestored } from "./draft-restored";
import { stageOptions, stagesOpen } from "./stage-options";

const answerKey = (key: string) => `answer_${key}`;

/**
 * One wellbeing measure (SWEMWBS, ONS4) as the area's content pack words it: each statement or
 * question answered on its scale, at the baseline, a review or the end. When the pack is the
 * shipped placeholder, the form says so plainly: the scoring is real, the wording is not.
 */
export function MeasureForm(props: {
  case: Case;
  tool: MeasureToolDefinition;
  draft: Omit<DraftAddress, "form">;
  personName: string;
  feedback: ActionFeedback;
}) {
  const prefix = () => `measure-${props.tool.tool}`;
  const stageId = () => `${prefix()}-stage`;
  const itemId = (key: string) => `${prefix()}-${key}`;
  const stages = () =>
    stagesOpen(
      props.case.measures.some((measure) => measure.tool === props.tool.tool && measure.stage === "baseline"),
    );
  const empty = () => ({
    stage: "",
    ...Object.fromEntries(props.tool.items.map((item) => [answerKey(item.key), ""])),
  });
  const form = createDraft<Record<string, string>>(
    { ...props.draft, form: `measure-${props.tool.tool}` },
    empty,
  );
  const stage = () => (stages().length === 1 ? stages()[0] : form.values.stage || undefined);
  const options = () => props.tool.scale.map((point) => ({ value: String(point.value), label: point.label }));
  const scaleValue = (chosen: string) =>
    props.tool.scale.find((point) => String(point.value) === chosen)?.value;

  /** `answers.3` (SWEMWBS, by position) or `answers.happy` (ONS4, by question) to its control. */
  const targetFor = (path: string) => {
    const [field, part] = path.split(".");
    if (field !== "answers" || part === undefined) return stageId();
    const item = /^\d+$/.test(part)
      ? props.tool.items[Number(part)]
      : props.tool.items.find((entry) => entry.key === part);
    return item ? itemId(item.key) : stageId();
  };

  const write = useCaseWrite(() => props.case.referralId, {
    onSuccess: (_latest, write) => {
      form.reset(empty());
      const recorded = write.kind === "measure" ? measureStageLabels[write.body.stage].toLowerCase() : "";
      props.feedback.succeed(`${props.tool.name}: ${recorded} recorded for ${props.personName}.`);
    },
    onError: (error) => props.feedback.failFrom(error, targetFor, stageId()),
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (write.isPending) return;
    const problems: ErrorSummaryItem[] = [];
    const chosenStage = stage();
    if (!chosenStage) problems.push({ targetId: stageId(), message: "Select when this measure is taken" });
    props.tool.items.forEach((item, index) => {
      if (scaleValue(form.values[answerKey(item.key)] ?? "") === undefined) {
        problems.push({ targetId: itemId(item.key), message: `Select an answer to question ${index + 1}` });
      }
    });
    if (problems.length > 0) return props.feedback.failFields(problems);
    const answers = props.tool.items.map((item) => scaleValue(form.values[answerKey(item.key)] ?? ""));
    const parsed = MeasureRequest.safeParse({
      tool: props.tool.tool,
      stage: chosenStage,
      answers:
        props.tool.tool === "swemwbs"
          ? answers
          : Object.fromEntries(props.tool.items.map((item, index) => [item.key, answers[index]])),
    });
    if (!parsed.success) {
      const seen = new Set<string>();
      return props.feedback.failFields(
        parsed.error.issues.flatMap((issue) => {
          const targetId = targetFor(issue.path.map(String).join("."));
          if (seen.has(targetId)) return [];
          seen.add(targetId);
          return [{ targetId, message: issue.message }];
        }),
      );
    }
    write.mutate({ kind: "measure", body: parsed.data });
  };

  return (
    <form
      novalidate
      onSubmit={submit}
      aria-label={`Record ${props.tool.name}`}
      data-testid={`measure-form-${props.tool.tool}`}
    >
      <Show when={props.tool.placeholder}>
        <WarningCallout heading="Placeholder wording">
          <p>
            These statements are placeholders, not the licensed {props.tool.name} wording. Do not read them to
            the person. Ask your administrator to install your area's licensed content pack; until then, use
            your paper copy and enter the answers here in the same order. The scores are calculated correctly.
          </p>
        </WarningCallout>
      </Show>
      <Show when={props.tool.instructions}>
        {(instructions) => <p class="nhsuk-body">{instructions()}</p>}
      </Show>
      <Show when={form.restored()}>
        <DraftRestored />
      </Show>
      <Show
        when={stages().length > 1}
        fallback={
          <p class="nhsuk-body" id={stageId()} tabindex="-1">
            This is the baseline, at the start of support.
          </p>
        }
      >
        <Radios
          id={stageId()}
          legend="When is this measure taken?"
          legendSize="s"
          error={props.feedback.messageFor(stageId())}
          value={form.values.stage || undefined}
          onChange={(value) => form.set("stage", value)}
          options={stageOptions(stages())}
          small
        />
      </Show>
      <For each={props.tool.items}>
        {(item, index) => (
          <Radios
            id={itemId(item.key)}
            legend={
              <>
                <span class="nhsuk-u-visually-hidden">Question {index() + 1}: </span>
                {item.text}
              </>
            }
            legendSize="s"
            error={props.feedback.messageFor(itemId(item.key))}
            value={form.values[answerKey(item.key)] || undefined}
            onChange={(value) => form.set(answerKey(item.key), value)}
            options={options()}
            inline={options().length > 5}
            small
          />
        )}
      </For>
      <Show when={props.tool.notice}>
        {(notice) => <p class="nhsuk-body-s linkwork-secondary">{notice()}</p>}
      </Show>
      <Button disabled={write.isPending}>
        {write.isPending ? "Saving…" : `Save ${props.tool.tool.toUpperCase()} answers`}
      </Button>
    </form>
  );
}
