import { goalStatuses } from "@linkwork/core/casework/vocabulary";
import { Show } from "solid-js";
import { goalStatusLabels } from "../../labels/casework-labels";
import { Button } from "../../ui/button";
import { Radios } from "../../ui/radios";
import { Select } from "../../ui/select";
import { Textarea } from "../../ui/textarea";
import type { GoalValues } from "./plan-values";

export const goalFieldId = (index: number, field: "text" | "importance" | "status" | "actions") =>
  `plan-goals-${index}-${field}`;

const importanceOptions = Array.from({ length: 10 }, (_, index) => ({
  value: String(index + 1),
  label: String(index + 1),
}));
const statusOptions = goalStatuses.map((value) => ({ value, label: goalStatusLabels[value] }));

/** One goal of the plan: the person's words, how much it matters to them, where it has got to, and what happens next. */
export function GoalFields(props: {
  index: number;
  goal: GoalValues;
  messageFor: (id: string) => string | undefined;
  onChange: (field: keyof GoalValues, value: string) => void;
  onRemove: () => void;
}) {
  const id = (field: "text" | "importance" | "status" | "actions") => goalFieldId(props.index, field);
  return (
    <fieldset class="nhsuk-fieldset linkwork-goal" data-testid="goal">
      <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Goal {props.index + 1}</legend>
      <Textarea
        id={id("text")}
        label="The goal, in the person's words"
        error={props.messageFor(id("text"))}
        value={props.goal.text}
        onInput={(value) => props.onChange("text", value)}
        rows={2}
      />
      <Select
        id={id("importance")}
        label="How much it matters to them"
        hint="1 matters a little, 10 matters most"
        error={props.messageFor(id("importance"))}
        value={props.goal.importance}
        onChange={(value) => props.onChange("importance", value)}
        options={importanceOptions}
        emptyLabel="Choose 1 to 10"
      />
      <Radios
        id={id("status")}
        legend="Where it has got to"
        error={props.messageFor(id("status"))}
        value={props.goal.status}
        onChange={(value) => props.onChange("status", value)}
        options={statusOptions}
        inline
        small
      />
      <Textarea
        id={id("actions")}
        label="Actions (optional)"
        hint="What the person, you or others will do, and by when"
        error={props.messageFor(id("actions"))}
        value={props.goal.actions}
        onInput={(value) => props.onChange("actions", value)}
        rows={2}
      />
      {/* A saved goal stays in the plan's history: it is marked "no longer a goal", not deleted. */}
      <Show when={!props.goal.goalId}>
        <Button type="button" variant="secondary" small onClick={props.onRemove}>
          Remove goal {props.index + 1}
        </Button>
      </Show>
    </fieldset>
  );
}
