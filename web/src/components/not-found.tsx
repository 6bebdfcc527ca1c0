import type { JSX } from "solid-js";
import { usePageTitle } from "./page-title";

/** The same page whether the record never existed or is outside the user's relationship. */
export function NotFound(props: { heading?: string; children?: JSX.Element }) {
  usePageTitle(() => props.heading ?? "Page not found");
  return (
    <>
      <h1 class="nhsuk-heading-l">{props.heading ?? "Page not found"}</h1>
      {props.children ?? (
        <p class="nhsuk-body">
          If you typed the web address, check it is correct. If you pasted it, check you copied all of it.
        </p>
      )}
      <p class="nhsuk-body">
        <a href="/">Go to your home page</a>
      </p>
    </>
  );
}
