import type { JSX } from "solid-js";
import { describedBy, FormGroup, type LabelSize } from "./field-parts";

export function Textarea(props: {
  id: string;
  name?: string;
  label: JSX.Element;
  labelSize?: LabelSize;
  hint?: JSX.Element;
  error?: string | undefined;
  value: string;
  onInput: (value: string) => void;
  rows?: number;
}) {
  return (
    <FormGroup
      id={props.id}
      label={props.label}
      labelSize={props.labelSize}
      hint={props.hint}
      error={props.error}
    >
      <textarea
        class="nhsuk-textarea"
        classList={{ "nhsuk-textarea--error": Boolean(props.error) }}
        id={props.id}
        name={props.name ?? props.id}
        rows={props.rows ?? 5}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
      />
    </FormGroup>
  );
}
