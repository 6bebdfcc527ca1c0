import { createEffect, createUniqueId, type JSX, on } from "solid-js";

/**
 * NHS.UK notification banner, a landmark region. A success banner says what was just done: it is
 * announced and takes focus, as the design system's own script would do.
 */
export function NotificationBanner(props: {
  success?: boolean;
  title?: string;
  /** A success banner takes focus again whenever this changes: each time something more is done. */
  focusKey?: number;
  children: JSX.Element;
}) {
  let banner: HTMLElement | undefined;
  createEffect(
    on(
      () => props.focusKey,
      () => {
        if (props.success) banner?.focus();
      },
    ),
  );
  const titleId = `notification-banner-title-${createUniqueId()}`;
  return (
    <section
      class="nhsuk-notification-banner"
      classList={{ "nhsuk-notification-banner--success": props.success === true }}
      aria-labelledby={titleId}
      tabindex="-1"
      ref={banner}
    >
      <div class="nhsuk-notification-banner__header">
        <h2 class="nhsuk-notification-banner__title" id={titleId}>
          {props.title ?? (props.success ? "Success" : "Important")}
        </h2>
      </div>
      <div class="nhsuk-notification-banner__content" role={props.success ? "alert" : undefined}>
        <p class="nhsuk-notification-banner__heading">{props.children}</p>
      </div>
    </section>
  );
}
