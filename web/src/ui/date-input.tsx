import { For, type JSX } from "solid-js";
import type { LabelSize } from "./field-parts";
import { Fieldset } from "./fieldset";

export interface DateParts {
  day: string;
  month: string;
  year: string;
}
export type DatePart = keyof DateParts;

const parts: { part: DatePart; label: string; width: 2 | 4 }[] = [
  { part: "day", label: "Day", width: 2 },
  { part: "month", label: "Month", width: 2 },
  { part: "year", label: "Year", width: 4 },
];

/** Day, month and year boxes (NHS.UK date input); the error summary links to the first box in error. */
export function DateInput(props: {
  id: string;
  legend: JSX.Element;
  legendSize?: LabelSize;
  hint?: JSX.Element;
  error?: string | undefined;
  /** Boxes to highlight; all three when the error is about the whole date. */
  errorParts?: readonly DatePart[];
  value: DateParts;
  onChange: (value: DateParts) => void;
  autocompletePrefix?: "bday";
}) {
  const inError = (part: DatePart) =>
    Boolean(props.error) && (!props.errorParts?.length || props.errorParts.includes(part));
  return (
    <Fieldset
      id={props.id}
      role="group"
      legend={props.legend}
      legendSize={props.legendSize}
      hint={props.hint}
      error={props.error}
    >
      <div class="nhsuk-date-input" id={props.id}>
        <For each={parts}>
          {(item) => (
            <div class="nhsuk-date-input__item">
              <div class="nhsuk-form-group" classList={{ "nhsuk-form-group--error": inError(item.part) }}>
                <label class="nhsuk-label nhsuk-date-input__label" for={`${props.id}-${item.part}`}>
                  {item.label}
                </label>
                <input
                  class={`nhsuk-input nhsuk-input--width-${item.width} nhsuk-date-input__input`}
                  classList={{ "nhsuk-input--error": inError(item.part) }}
                  id={`${props.id}-${item.part}`}
                  name={`${props.id}-${item.part}`}
                  type="text"
                  inputMode="numeric"
                  autocomplete={props.autocompletePrefix ? `${props.autocompletePrefix}-${item.part}` : "off"}
                  value={props.value[item.part]}
                  onInput={(event) =>
                    props.onChange({ ...props.value, [item.part]: event.currentTarget.value })
                  }
                />
              </div>
            </div>
          )}
        </For>
      </div>
    </Fieldset>
  );
}
