import { For, type JSX, Show } from "solid-js";
import type { LabelSize } from "./field-parts";
import { Fieldset, itemId } from "./fieldset";

export interface ChoiceOption {
  value: string;
  label: string;
  hint?: string;
}

export function Radios(props: {
  id: string;
  name?: string;
  legend: JSX.Element;
  legendSize?: LabelSize;
  hint?: JSX.Element;
  error?: string | undefined;
  value: string | undefined;
  onChange: (value: string) => void;
  options: readonly ChoiceOption[];
  inline?: boolean;
  small?: boolean;
}) {
  return (
    <Fieldset
      id={props.id}
      legend={props.legend}
      legendSize={props.legendSize}
      hint={props.hint}
      error={props.error}
    >
      <div
        class="nhsuk-radios"
        classList={{
          "nhsuk-radios--inline": props.inline === true,
          "nhsuk-radios--small": props.small === true,
        }}
        data-module="nhsuk-radios"
      >
        <For each={props.options}>
          {(option, index) => {
            const id = () => itemId(props.id, index());
            return (
              <div class="nhsuk-radios__item">
                <input
                  class="nhsuk-radios__input"
                  id={id()}
                  name={props.name ?? props.id}
                  type="radio"
                  value={option.value}
                  checked={props.value === option.value}
                  onChange={() => props.onChange(option.value)}
                  aria-describedby={option.hint ? `${id()}-item-hint` : undefined}
                />
                <label class="nhsuk-label nhsuk-radios__label" for={id()}>
                  {option.label}
                </label>
                <Show when={option.hint}>
                  <div class="nhsuk-hint nhsuk-radios__hint" id={`${id()}-item-hint`}>
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
