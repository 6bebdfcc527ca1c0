import { For, type JSX, Show } from "solid-js";
import type { LabelSize } from "./field-parts";
import { Fieldset, itemId } from "./fieldset";
import type { ChoiceOption } from "./radios";

export function Checkboxes(props: {
  id: string;
  name?: string;
  legend: JSX.Element;
  legendSize?: LabelSize;
  hint?: JSX.Element;
  error?: string | undefined;
  values: readonly string[];
  onChange: (values: string[]) => void;
  options: readonly ChoiceOption[];
  small?: boolean;
}) {
  const toggle = (value: string, checked: boolean) => {
    const others = props.values.filter((existing) => existing !== value);
    props.onChange(checked ? [...others, value] : others);
  };
  return (
    <Fieldset
      id={props.id}
      legend={props.legend}
      legendSize={props.legendSize}
      hint={props.hint}
      error={props.error}
    >
      <div
        class="nhsuk-checkboxes"
        classList={{ "nhsuk-checkboxes--small": props.small === true }}
        data-module="nhsuk-checkboxes"
      >
        <For each={props.options}>
          {(option, index) => {
            const id = () => itemId(props.id, index());
            return (
              <div class="nhsuk-checkboxes__item">
                <input
                  class="nhsuk-checkboxes__input"
                  id={id()}
                  name={props.name ?? props.id}
                  type="checkbox"
                  value={option.value}
                  checked={props.values.includes(option.value)}
                  onChange={(event) => toggle(option.value, event.currentTarget.checked)}
                  aria-describedby={option.hint ? `${id()}-item-hint` : undefined}
                />
                <label class="nhsuk-label nhsuk-checkboxes__label" for={id()}>
                  {option.label}
                </label>
                <Show when={option.hint}>
                  <div class="nhsuk-hint nhsuk-checkboxes__hint" id={`${id()}-item-hint`}>
                    {option.hint}
                  </div>
                </Show>
              </div>
            );
          }}
        </For>
      </div>
    </Fieldset>
  );
}
