import type { JSX } from "solid-js";

export function InsetText(props: { children: JSX.Element }) {
  return (
    <div class="nhsuk-inset-text">
      <span class="nhsuk-u-visually-hidden">Information: </span>
      {props.children}
    </div>
  );
}
