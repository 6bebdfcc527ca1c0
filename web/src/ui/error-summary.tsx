import { createEffect, For, on } from "solid-js";

export interface ErrorSummaryItem {
  /** The id of the control to move to: the input, the first radio or checkbox, the first date box. */
  targetId: string;
  message: string;
}

/** Moves focus to a control and brings its question (label or legend) into view. */
function focusTarget(targetId: string) {
  const target = document.getElementById(targetId);
  if (!target) return;
  const question = target.closest("fieldset")?.querySelector("legend") ?? target.closest(".nhsuk-form-group");
  target.focus({ preventScroll: true });
  (question ?? target).scrollIntoView({ block: "start" });
}

/**
 * "There is a problem" at the top of the page: takes focus whenever a new attempt fails
 * (`attempt` changes) and links each problem to its field.
 */
export function ErrorSummary(props: { items: readonly ErrorSummaryItem[]; attempt: number }) {
  let container: HTMLDivElement | undefined;
  createEffect(
    on(
      () => props.attempt,
      () => {
        container?.focus();
        container?.scrollIntoView({ block: "start" });
      },
    ),
  );
  return (
    <div class="nhsuk-error-summary" data-module="nhsuk-error-summary" tabindex="-1" ref={container}>
      <div role="alert">
        <h2 class="nhsuk-error-summary__heading">There is a problem</h2>
        <div class="nhsuk-error-summary__body">
          <ul class="nhsuk-list nhsuk-error-summary__list">
            <For each={props.items}>
              {(item) => (
                <li>
                  <a
                    href={`#${item.targetId}`}
                    onClick={(event) => {
                      event.preventDefault();
                      focusTarget(item.targetId);
                    }}
                  >
                    {item.message}
                  </a>
                </li>
              )}
            </For>
          </ul>
        </div>
      </div>
    </div>
  );
}
