import { type JSX, Show } from "solid-js";
import { describedBy, ErrorMessage, errorId, Hint, hintId, type LabelSize } from "./field-parts";

/** A group of controls answering one question: legend, hint, error message, then the controls. */
export function Fieldset(props: {
  id: string;
  legend: JSX.Element;
  legendSize?: LabelSize | undefined;
  hint?: JSX.Element | undefined;
  error?: string | undefined;
  role?: "group";
  children: JSX.Element;
}) {
  return (
    <div class="nhsuk-form-group" classList={{ "nhsuk-form-group--error": Boolean(props.error) }}>
      <fieldset
        class="nhsuk-fieldset"
        role={props.role}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
      >
        <legend
          class="nhsuk-fieldset__legend"
          classList={{ [`nhsuk-fieldset__legend--${props.legendSize}`]: props.legendSize !== undefined }}
        >
          {props.legend}
        </legend>
        <Show when={props.hint}>
          <Hint id={hintId(props.id)}>{props.hint}</Hint>
        </Show>
        <ErrorMessage id={errorId(props.id)} message={props.error} />
        {props.children}
      </fieldset>
    </div>
  );
}

/** Ids of the items in a group: the first takes the group's id, so an error summary link lands on it. */
export function itemId(groupId: string, index: number): string {
  return index === 0 ? groupId : `${groupId}-${index + 1}`;
}
