import type { JSX } from "solid-js";

/** An NHS.UK card: one thing to look at and act on, such as a referral in a queue. */
export function Card(props: {
  heading: JSX.Element;
  headingLevel?: 2 | 3;
  children: JSX.Element;
  testId?: string;
}) {
  return (
    <div class="nhsuk-card" data-testid={props.testId}>
      <div class="nhsuk-card__content">
        {(props.headingLevel ?? 2) === 2 ? (
          <h2 class="nhsuk-card__heading nhsuk-heading-m">{props.heading}</h2>
        ) : (
          <h3 class="nhsuk-card__heading nhsuk-heading-m">{props.heading}</h3>
        )}
        {props.children}
      </div>
    </div>
  );
}
