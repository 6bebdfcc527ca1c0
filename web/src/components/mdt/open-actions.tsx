import { useQuery } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import { formatCalendarDate } from "../../format/dates";
import type { Mdt } from "../../queries/mdts";
import type { Meeting } from "../../queries/meeting";
import { findOrganisation, organisationsQuery } from "../../queries/organisations";
import { Tag } from "../../ui/tag";
import { calendarDateToday, isOverdue, ownerName } from "./action-details";

/** The team's actions still open from its earlier meetings, for this meeting to follow up. */
export function OpenActions(props: { meeting: Meeting; mdt: Mdt | undefined }) {
  const organisations = useQuery(() => organisationsQuery());
  const today = calendarDateToday();
  return (
    <section aria-labelledby="open-actions-heading" data-testid="open-actions">
      <h2 class="nhsuk-heading-m" id="open-actions-heading">
        Open actions from earlier meetings
      </h2>
      <Show
        when={props.meeting.openActions.length > 0}
        fallback={<p class="nhsuk-body">No actions from earlier meetings are still open.</p>}
      >
        <ul class="nhsuk-list nhsuk-list--border" aria-labelledby="open-actions-heading">
          <For each={props.meeting.openActions}>
            {(action) => {
              const person = () => ownerName(action, props.mdt?.members ?? []);
              return (
                <li data-testid="open-action">
                  <p class="nhsuk-body nhsuk-u-margin-bottom-1">
                    <strong>{action.description}</strong>
                    <Show when={isOverdue(action, today)}>
                      {" "}
                      <Tag colour="red">Overdue</Tag>
                    </Show>
                  </p>
                  <p class="nhsuk-body-s nhsuk-u-margin-bottom-0">
                    {findOrganisation(organisations.data, action.ownerOrganisationId)?.name ??
                      "Another organisation"}
                    <Show when={person()}>{(name) => <>, {name()}</>}</Show>. Due{" "}
                    {formatCalendarDate(action.dueOn)}.
                  </p>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
    </section>
  );
}
