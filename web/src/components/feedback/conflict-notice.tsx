import { createEffect, on } from "solid-js";
import { Button } from "../../ui/button";

/**
 * A change refused because the record moved on: says what it is now, in an error summary that
 * takes focus, and offers to reload. Reloading keeps whatever the user had typed on the page,
 * unless `afterReload` says otherwise.
 */
export function ConflictNotice(props: {
  heading: string;
  body: string;
  attempt: number;
  onReload: () => void;
  /** What reloading leads to, in place of the promise that the page keeps what was typed. */
  afterReload?: string;
}) {
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
    <div class="nhsuk-error-summary" tabindex="-1" ref={container} data-testid="conflict-notice">
      <div role="alert">
        <h2 class="nhsuk-error-summary__heading">{props.heading}</h2>
        <div class="nhsuk-error-summary__body">
          <p>{props.body}</p>
          <p>
            {props.afterReload ??
              "Nothing you entered has been lost. Reload to see the latest, then try again if you still need to."}
          </p>
        </div>
      </div>
      <Button type="button" variant="secondary" small onClick={props.onReload}>
        Reload and try again
      </Button>
    </div>
  );
}
