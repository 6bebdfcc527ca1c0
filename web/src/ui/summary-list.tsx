import type { JSX } from "solid-js";

export function SummaryList(props: { noBorder?: boolean; children: JSX.Element }) {
  return (
    <dl class="nhsuk-summary-list" classList={{ "nhsuk-summary-list--no-border": props.noBorder === true }}>
      {props.children}
    </dl>
  );
}

export function SummaryRow(props: { key: string; children: JSX.Element }) {
  return (
    <div class="nhsuk-summary-list__row">
      <dt class="nhsuk-summary-list__key">{props.key}</dt>
      <dd class="nhsuk-summary-list__value">{props.children}</dd>
    </div>
  );
}
