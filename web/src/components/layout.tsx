import type { RouteSectionProps } from "@solidjs/router";
import { createEffect, on } from "solid-js";
import { Footer } from "./footer";
import { Header } from "./header";

/**
 * Every page: skip link, header, main, footer. After moving to another page, focus goes to the
 * main content so screen reader and keyboard users start from the top of what changed.
 */
export function Layout(props: RouteSectionProps) {
  let main: HTMLElement | undefined;
  createEffect(
    on(
      () => props.location.pathname,
      () => main?.focus({ preventScroll: false }),
      { defer: true },
    ),
  );
  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: the NHS.UK skip link is a link; the router would only scroll to the fragment, so focus is moved here */}
      <a
        class="nhsuk-skip-link"
        data-module="nhsuk-skip-link"
        href="#maincontent"
        onClick={(event) => {
          event.preventDefault();
          main?.focus();
        }}
      >
        Skip to main content
      </a>
      <Header />
      <div class="nhsuk-width-container">
        <main class="nhsuk-main-wrapper" id="maincontent" tabindex="-1" ref={main}>
          {props.children}
        </main>
      </div>
      <Footer />
    </>
  );
}
