import type { Goal } from "@linkwork/core/casework/schema";
import { For, Show } from "solid-js";
import { formatCalendarDate } from "../../format/dates";
import { goalStatusLabels } from "../../labels/casework-labels";
import { Tag } from "../../ui/tag";

const statusColour = { active: "blue", achieved: "green", dropped: "grey" } as const;

/** A plan's goals, each with how much it matters and where it has got to. */
export function GoalList(props: { goals: readonly Goal[] }) {
  return (
    <Show when={props.goals.length > 0} fallback={<p class="nhsuk-body">No goals yet.</p>}>
      <ol class="nhsuk-list nhsuk-list--number linkwork-goal-list">
        <For each={props.goals}>
          {(goal) => (
            <li>
              <span class="linkwork-preserve-lines">{goal.text}</span>{" "}
              <span class="linkwork-secondary">(matters {goal.importance} out of 10)</span>{" "}
              <Tag colour={statusColour[goal.status]}>{goalStatusLabels[goal.status]}</Tag>
              <Show when={goal.actions}>
                {(actions) => (
                  <p class="nhsuk-body-s linkwork-preserve-lines nhsuk-u-margin-bottom-1">{actions()}</p>
                )}
              </Show>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}

/** The plan as saved, for someone who reads the case without changing it (their manager, or after closure). */
export function PlanSummary(props: {
  whatMatters: string | undefined;
  goals: readonly Goal[];
  reviewOn: string | undefined;
}) {
  return (
    <>
      <h3 class="nhsuk-heading-s">What matters to me</h3>
      <p class="nhsuk-body linkwork-preserve-lines">{props.whatMatters || "Not recorded yet."}</p>
      <h3 class="nhsuk-heading-s">Goals</h3>
      <GoalList goals={props.goals} />
      <p class="nhsuk-body">Next review: {props.reviewOn ? formatCalendarDate(props.reviewOn) : "not set"}</p>
    </>
  );
}
