import type { JSX } from "solid-js";

/** One part of the case page, reachable from "On this page" by its id. */
export function CaseSection(props: { id: string; title: string; headingId?: string; children: JSX.Element }) {
  const headingId = () => props.headingId ?? `${props.id}-heading`;
  return (
    <section class="linkwork-case-section" id={props.id} aria-labelledby={headingId()}>
      <h2 class="nhsuk-heading-m" id={headingId()} tabindex="-1">
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}
