import { A } from "@solidjs/router";
import type { JSX } from "solid-js";

export function BackLink(props: { href: string; children?: JSX.Element }) {
  return (
    <A class="nhsuk-back-link" href={props.href}>
      {props.children ?? "Back"}
    </A>
  );
}
