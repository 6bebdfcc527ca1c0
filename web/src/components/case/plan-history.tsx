import type { PlanRevision } from "@linkwork/core/casework/schema";
import { For, Show } from "solid-js";
import { formatCalendarDate, formatDateTime } from "../../format/dates";
import { Details } from "../../ui/details";
import { GoalList } from "./plan-summary";

/** Every saved version of the plan, newest first: how it grew with the person. */
export function PlanHistory(props: { history: readonly PlanRevision[] }) {
  return (
    <Show when={props.history.length > 0}>
      <Details
        summary={`Plan history (${props.history.length} ${props.history.length === 1 ? "version" : "versions"})`}
      >
        <ol class="nhsuk-list linkwork-case-list" reversed data-testid="plan-history">
          <For each={props.history}>
            {(revision) => (
              <li class="linkwork-case-list__item">
                <p class="nhsuk-body nhsuk-u-margin-bottom-1">
                  <strong>Version {revision.version}</strong>, saved {formatDateTime(revision.savedAt)} by{" "}
                  {revision.savedByName ?? "a link worker"}
                </p>
                <Show when={revision.whatMatters}>
                  {(words) => <p class="nhsuk-body-s linkwork-preserve-lines">What matters: {words()}</p>}
                </Show>
                <GoalList goals={revision.goals} />
                <p class="nhsuk-body-s nhsuk-u-margin-bottom-0">
                  Review: {revision.reviewOn ? formatCalendarDate(revision.reviewOn) : "not set"}
                </p>
              </li>
            )}
          </For>
        </ol>
      </Details>
    </Show>
  );
}
