import type { Case } from "@linkwork/core/casework/schema";
import { createEffect, Index, on, Show } from "solid-js";
import { createDraft } from "../../drafts/create-draft";
import type { DraftAddress } from "../../drafts/draft-storage";
import { formatCalendarDate } from "../../format/dates";
import { useCaseWrite } from "../../queries/case-actions";
import { isCaseConflict } from "../../queries/case-conflict";
import { Button } from "../../ui/button";
import { DateInput } from "../../ui/date-input";
import { Textarea } from "../../ui/textarea";
import type { ActionFeedback } from "../feedback/action-feedback";
import { describePlanConflict } from "./describe-plan-conflict";
import { DraftRestored } from "./draft-restored";
import { onePerControl } from "./form-problems";
import { GoalFields, goalFieldId } from "./goal-fields";
import {
  type GoalValues,
  newGoal,
  type PlanValues,
  planRequestOf,
  planValuesOf,
  restorePlan,
} from "./plan-values";
import { ukToday } from "./uk-time";

const whatMattersId = "plan-whatMatters";
const reviewId = "plan-reviewOn";
const addGoalId = "plan-add-goal";

/** Where a problem the API reported at `path` belongs: `goals.2.importance` is goal 3's importance. */
function targetFor(path: string): string {
  const [field, index, part] = path.split(".");
  if (field === "whatMatters") return whatMattersId;
  if (field === "reviewOn") return `${reviewId}-day`;
  if (field === "goals" && index !== undefined && /^\d+$/.test(index)) {
    const goalPart = part === "importance" || part === "status" || part === "actions" ? part : "text";
    return goalFieldId(Number(index), goalPart);
  }
  return field === "goals" ? addGoalId : whatMattersId;
}

/**
 * What matters to the person and their plan: goals with how much each matters (1-10), where it has
 * got to and its actions, and the next review date. Saved against the plan version it started
 * from: if someone saved in between, the page says what they changed and keeps what was typed.
 */
export function PlanForm(props: {
  case: Case;
  draft: Omit<DraftAddress, "form">;
  personName: string;
  feedback: ActionFeedback;
}) {
  const form = createDraft<PlanValues>(
    { ...props.draft, form: "plan" },
    () => planValuesOf(props.case),
    restorePlan,
  );
  const write = useCaseWrite(() => props.case.referralId, {
    onSuccess: (latest) => {
      if (latest) form.reset(planValuesOf(latest));
      else form.reset();
      const reviewOn = latest?.plan.reviewOn;
      props.feedback.succeed(
        `${props.personName}'s plan is saved.${reviewOn ? ` The next review is on ${formatCalendarDate(reviewOn)}.` : ""}`,
      );
    },
    onError: (error) => {
      if (isCaseConflict(error)) {
        const { heading, body } = describePlanConflict(form.values.baseVersion, error.latest);
        const latest = error.latest;
        return props.feedback.failStale(heading, body, () => {
          if (latest) form.rebase({ baseVersion: latest.plan.version });
        });
      }
      props.feedback.failFrom(error, targetFor, whatMattersId);
    },
  });

  // An untouched form follows the plan as others save it; one being edited keeps its base version.
  createEffect(
    on(
      () => props.case.plan.version,
      () => {
        if (!form.touched()) form.reset(planValuesOf(props.case));
      },
      { defer: true },
    ),
  );

  const setGoal = (index: number, field: keyof GoalValues, value: string) =>
    form.set(
      "goals",
      form.values.goals.map((goal, position) =>
        position === index ? { ...goal, [field]: value } : { ...goal },
      ),
    );

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (write.isPending) return;
    const request = planRequestOf(form.values, ukToday());
    if (!request.ok) {
      return props.feedback.failFields(
        onePerControl(
          request.problems.map((problem) => ({
            targetId: targetFor(problem.path),
            message: problem.message,
          })),
        ),
      );
    }
    write.mutate({ kind: "plan", body: request.body });
  };

  const message = (id: string) => props.feedback.messageFor(id);
  return (
    <form novalidate onSubmit={submit} aria-labelledby="plan-form-heading" data-testid="plan-form">
      <h3 class="nhsuk-heading-s" id="plan-form-heading">
        {props.case.plan.version === 0 ? "Make the plan together" : "Update the plan"}
      </h3>
      <Show when={form.restored()}>
        <DraftRestored />
      </Show>
      <Textarea
        id={whatMattersId}
        label="What matters to me"
        labelSize="s"
        hint="In the person's own words: what they want to change, and what a good life looks like to them"
        error={message(whatMattersId)}
        value={form.values.whatMatters}
        onInput={(value) => form.set("whatMatters", value)}
        rows={4}
      />
      <Index each={form.values.goals}>
        {(goal, index) => (
          <GoalFields
            index={index}
            goal={goal()}
            messageFor={message}
            onChange={(field, value) => setGoal(index, field, value)}
            onRemove={() =>
              form.set(
                "goals",
                form.values.goals.filter((_, position) => position !== index),
              )
            }
          />
        )}
      </Index>
      <div class="nhsuk-form-group" classList={{ "nhsuk-form-group--error": Boolean(message(addGoalId)) }}>
        <Show when={message(addGoalId)}>
          <span class="nhsuk-error-message">
            <span class="nhsuk-u-visually-hidden">Error: </span>
            {message(addGoalId)}
          </span>
        </Show>
        <button
          type="button"
          id={addGoalId}
          class="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
          disabled={form.values.goals.length >= 20}
          onClick={() => form.set("goals", [...form.values.goals.map((goal) => ({ ...goal })), newGoal()])}
        >
          {form.values.goals.length === 0 ? "Add a goal" : "Add another goal"}
        </button>
      </div>
      <DateInput
        id={reviewId}
        legend="Next review"
        legendSize="s"
        hint="Usually within 1 to 3 months, and no more than 12. It shows on your caseload"
        error={message(`${reviewId}-day`)}
        value={{ day: form.values.reviewDay, month: form.values.reviewMonth, year: form.values.reviewYear }}
        onChange={(parts) =>
          form.setAll({
            ...form.values,
            reviewDay: parts.day,
            reviewMonth: parts.month,
            reviewYear: parts.year,
          })
        }
      />
      <Button disabled={write.isPending}>{write.isPending ? "Saving the plan…" : "Save plan"}</Button>
    </form>
  );
}
