import type { JSX } from "solid-js";

/** NHS.UK details: a summary line that opens to show more, for things most people will not need. */
export function Details(props: { summary: string; open?: boolean; children: JSX.Element }) {
  return (
    <details class="nhsuk-details" open={props.open}>
      <summary class="nhsuk-details__summary">
        <span class="nhsuk-details__summary-text">{props.summary}</span>
      </summary>
      <div class="nhsuk-details__text">{props.children}</div>
    </details>
  );
}
