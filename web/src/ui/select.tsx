import { For, type JSX } from "solid-js";
import { describedBy, FormGroup, type LabelSize } from "./field-parts";

export interface SelectOption {
  value: string;
  label: string;
}

export function Select(props: {
  id: string;
  name?: string;
  label: JSX.Element;
  labelSize?: LabelSize;
  hint?: JSX.Element;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  /** The first, empty choice, e.g. "Not recorded". */
  emptyLabel?: string;
}) {
  return (
    <FormGroup
      id={props.id}
      label={props.label}
      labelSize={props.labelSize}
      hint={props.hint}
      error={props.error}
    >
      <select
        class="nhsuk-select"
        classList={{ "nhsuk-select--error": Boolean(props.error) }}
        id={props.id}
        name={props.name ?? props.id}
        onChange={(event) => props.onChange(event.currentTarget.value)}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
      >
        <option value="" selected={props.value === ""}>
          {props.emptyLabel ?? "Select an option"}
        </option>
        <For each={props.options}>
          {(option) => (
            <option value={option.value} selected={props.value === option.value}>
              {option.label}
            </option>
          )}
        </For>
      </select>
    </FormGroup>
  );
}
