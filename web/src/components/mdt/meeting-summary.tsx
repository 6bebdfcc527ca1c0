import { useQuery } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import { formatCalendarDate } from "../../format/dates";
import { type Meeting, meetingSummaryQuery } from "../../queries/meeting";
import { findOrganisation, organisationsQuery } from "../../queries/organisations";
import { QueryBoundary } from "../query-boundary";
import { personLabel } from "./person-label";

/**
 * After the meeting: per person, what was decided and the actions agreed, or the meeting they were
 * carried over to. The same summary goes on each referral's timeline for the GP.
 */
export function MeetingSummary(props: { meeting: Meeting }) {
  const summary = useQuery(() => meetingSummaryQuery(props.meeting.id));
  const organisations = useQuery(() => organisationsQuery());
  const nameFor = (referralId: string) => {
    const item = props.meeting.items.find((candidate) => candidate.referralId === referralId);
    return item ? personLabel(item.person) : "Someone on the agenda";
  };
  const organisationName = (organisationId: string) =>
    findOrganisation(organisations.data, organisationId)?.name ?? organisationId;
  return (
    <section aria-labelledby="summary-heading" data-testid="meeting-summary">
      <h2 class="nhsuk-heading-m" id="summary-heading">
        Summary
      </h2>
      <QueryBoundary query={summary} loading="Loading the summary…">
        {(entries) => (
          <Show when={entries().length > 0} fallback={<p class="nhsuk-body">No one was on the agenda.</p>}>
            <ul class="nhsuk-list linkwork-card-list" aria-label="Summary by person">
              <For each={entries()}>
                {(entry) => (
                  <li class="nhsuk-card" data-testid="summary-entry">
                    <div class="nhsuk-card__content">
                      <h3 class="nhsuk-card__heading nhsuk-heading-s">{nameFor(entry.referralId)}</h3>
                      <Show
                        when={entry.rolledTo}
                        fallback={
                          <p class="nhsuk-body-s">
                            <strong>Decision:</strong> {entry.decision ?? "None recorded"}
                          </p>
                        }
                      >
                        {(rolledTo) => (
                          <p class="nhsuk-body-s">
                            Not decided: carried over to{" "}
                            <a href={`/mdt/meetings/${encodeURIComponent(rolledTo())}`}>the next meeting</a>.
                          </p>
                        )}
                      </Show>
                      <Show when={entry.actions.length > 0}>
                        <ul class="nhsuk-list nhsuk-list--bullet nhsuk-body-s" aria-label="Actions agreed">
                          <For each={entry.actions}>
                            {(action) => (
                              <li>
                                {action.description}: {organisationName(action.ownerOrganisationId)}, due{" "}
                                {formatCalendarDate(action.dueOn)}
                              </li>
                            )}
                          </For>
                        </ul>
                      </Show>
                    </div>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </QueryBoundary>
    </section>
  );
}
