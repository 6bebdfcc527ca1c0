import { For, Show } from "solid-js";
import { formatCalendarDate } from "../../format/dates";
import type { AgendaItem } from "../../queries/meeting";

type Outcome = NonNullable<AgendaItem["outcome"]>;

/** What was decided for a person and the actions agreed, with their owners and due dates. */
export function OutcomeView(props: {
  outcome: Outcome;
  organisationName: (organisationId: string) => string;
}) {
  return (
    <div data-testid="outcome">
      <p class="nhsuk-body">
        <strong>Decision:</strong> <span class="linkwork-preserve-lines">{props.outcome.decision}</span>
      </p>
      <Show
        when={props.outcome.actions.length > 0}
        fallback={<p class="nhsuk-body-s">No actions were agreed.</p>}
      >
        <ul class="nhsuk-list nhsuk-list--bullet" aria-label="Actions agreed">
          <For each={props.outcome.actions}>
            {(action) => (
              <li>
                {action.description}: {props.organisationName(action.ownerOrganisationId)}, due{" "}
                {formatCalendarDate(action.dueOn)}
                {action.status === "done" ? " (done)" : ""}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
