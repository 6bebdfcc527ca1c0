import type { JSX } from "solid-js";

export function BackLink(props: { href: string; children?: JSX.Element }) {
  return (
    <a class="nhsuk-back-link" href={props.href}>
      {props.children ?? "Back"}
    </a>
  );
}
