import type { JSX } from "solid-js";

export function WarningCallout(props: { heading: string; children: JSX.Element }) {
  return (
    <div class="nhsuk-card nhsuk-card--warning">
      <div class="nhsuk-card__content">
        <h2 class="nhsuk-card__heading">{props.heading}</h2>
        {props.children}
      </div>
    </div>
  );
}
