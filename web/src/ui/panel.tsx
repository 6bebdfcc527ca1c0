import type { JSX } from "solid-js";

/** The confirmation panel shown when something is done ("Referral sent"). */
export function Panel(props: { heading: string; children: JSX.Element }) {
  return (
    <div class="nhsuk-panel">
      <h1 class="nhsuk-panel__heading">{props.heading}</h1>
      <div class="nhsuk-panel__body">{props.children}</div>
    </div>
  );
}
