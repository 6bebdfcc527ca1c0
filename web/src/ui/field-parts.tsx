import { type JSX, Show } from "solid-js";

export type LabelSize = "s" | "m" | "l" | "xl";

export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

/** The ids a control is described by: its hint, then its error message, when they are shown. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? hintId(id) : undefined, error ? errorId(id) : undefined].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

export function Hint(props: { id: string; class?: string; children: JSX.Element }) {
  return (
    <div class={props.class ? `nhsuk-hint ${props.class}` : "nhsuk-hint"} id={props.id}>
      {props.children}
    </div>
  );
}

export function ErrorMessage(props: { id: string; message: string | undefined }) {
  return (
    <Show when={props.message}>
      <span class="nhsuk-error-message" id={props.id}>
        <span class="nhsuk-u-visually-hidden">Error: </span>
        {props.message}
      </span>
    </Show>
  );
}

/** Label, hint and error message around a single control, as NHS.UK form groups are laid out. */
export function FormGroup(props: {
  id: string;
  label: JSX.Element;
  labelSize?: LabelSize | undefined;
  hint?: JSX.Element | undefined;
  error?: string | undefined;
  children: JSX.Element;
}) {
  return (
    <div class="nhsuk-form-group" classList={{ "nhsuk-form-group--error": Boolean(props.error) }}>
      <label
        class="nhsuk-label"
        classList={{ [`nhsuk-label--${props.labelSize}`]: props.labelSize !== undefined }}
        for={props.id}
      >
        {props.label}
      </label>
      <Show when={props.hint}>
        <Hint id={hintId(props.id)}>{props.hint}</Hint>
      </Show>
      <ErrorMessage id={errorId(props.id)} message={props.error} />
      {props.children}
    </div>
  );
}
