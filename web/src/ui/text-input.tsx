import type { JSX } from "solid-js";
import { describedBy, FormGroup, type LabelSize } from "./field-parts";

export type InputWidth = 2 | 3 | 4 | 5 | 10 | 20 | 30;

export function TextInput(props: {
  id: string;
  name?: string;
  label: JSX.Element;
  labelSize?: LabelSize;
  hint?: JSX.Element;
  error?: string | undefined;
  value: string;
  onInput: (value: string) => void;
  type?: "text" | "email" | "tel";
  width?: InputWidth;
  /** Fixed-width digits, for codes and identifiers (NHS number, ODS code). */
  code?: boolean;
  autocomplete?: JSX.InputHTMLAttributes<HTMLInputElement>["autocomplete"];
  inputmode?: JSX.HTMLAttributes<HTMLInputElement>["inputMode"];
  spellcheck?: boolean;
}) {
  return (
    <FormGroup
      id={props.id}
      label={props.label}
      labelSize={props.labelSize}
      hint={props.hint}
      error={props.error}
    >
      <input
        class="nhsuk-input"
        classList={{
          "nhsuk-input--error": Boolean(props.error),
          "nhsuk-input--code": props.code === true,
          [`nhsuk-input--width-${props.width}`]: props.width !== undefined,
        }}
        id={props.id}
        name={props.name ?? props.id}
        type={props.type ?? "text"}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        autocomplete={props.autocomplete}
        inputMode={props.inputmode}
        spellcheck={props.spellcheck}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
      />
    </FormGroup>
  );
}
