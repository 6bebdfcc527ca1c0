import { useQuery } from "@tanstack/solid-query";
import { createMemo, createSignal, For, Show } from "solid-js";
import { isApiError } from "../api/api-error";
import { calendarDateToday, isOverdue, type KnownPerson, ownerName } from "../components/mdt/action-details";
import { usePageTitle } from "../components/page-title";
import { QueryBoundary } from "../components/query-boundary";
import { formatCalendarDate, formatDateTime } from "../format/dates";
import { type Action, myActionsQuery, useCompleteAction } from "../queries/actions";
import { linkWorkersQuery } from "../queries/link-workers";
import { mdtsQuery } from "../queries/mdts";
import { hasRole, meQuery } from "../queries/me";
import { findOrganisation, organisationsQuery } from "../queries/organisations";
import { Button } from "../ui/button";
import { Tag } from "../ui/tag";

/** Actions agreed at MDT meetings that the user, or their organisation, owns: open ones first. */
export default function ActionsPage() {
  const actions = useQuery(() => myActionsQuery());
  const organisations = useQuery(() => organisationsQuery());
  const me = useQuery(() => meQuery());
  const mdts = useQuery(() => mdtsQuery());
  // A manager's organisation owns actions its link workers carry out; only a manager may list them.
  const workers = useQuery(() => ({
    ...linkWorkersQuery(me.data?.organisationId ?? ""),
    enabled: hasRole(me.data, "org_manager"),
  }));
  const today = calendarDateToday();
  /** The people whose names the page can give: the user, their teams' members, a manager's link workers. */
  const people = createMemo<KnownPerson[]>(() => [
    ...(me.data ? [{ userId: me.data.id, name: `${me.data.name} (you)` }] : []),
    ...(mdts.data ?? []).flatMap((mdt) => mdt.members),
    ...(workers.data ?? []),
  ]);
  // Only a member of the action's team may open its meeting: anyone else would be told it is not found.
  const mayOpenMeeting = (action: Action) => me.data?.mdtIds.includes(action.mdtId) === true;
  const [message, setMessage] = createSignal<{ text: string; problem: boolean }>();
  const complete = useCompleteAction({
    onSuccess: (action) => setMessage({ text: `Marked done: ${action.description}`, problem: false }),
    onError: (error, action) =>
      setMessage({
        problem: true,
        text:
          isApiError(error) && error.status === 409
            ? `Someone else changed "${action.description}" meanwhile. The list now shows it as it is.`
            : error.message,
      }),
  });
  const ordered = (items: Action[]) =>
    [...items].sort(
      (left, right) =>
        Number(left.status === "done") - Number(right.status === "done") ||
        left.dueOn.localeCompare(right.dueOn),
    );
  usePageTitle(() => "My actions");
  return (
    <>
      <h1 class="nhsuk-heading-l">My actions</h1>
      <p class="nhsuk-body">Actions agreed at MDT meetings for you or your organisation.</p>
      <p class="nhsuk-body" role="status" classList={{ "nhsuk-error-message": message()?.problem === true }}>
        {message()?.text}
      </p>
      <QueryBoundary query={actions} loading="Loading your actions…">
        {(items) => (
          <Show
            when={items().length > 0}
            fallback={<p class="nhsuk-body">You have no actions from MDT meetings.</p>}
          >
            <ul class="nhsuk-list linkwork-card-list" aria-label="Actions">
              <For each={ordered(items())}>
                {(action) => (
                  <li class="nhsuk-card" data-testid="action">
                    <div class="nhsuk-card__content">
                      <h2 class="nhsuk-card__heading nhsuk-heading-s">{action.description}</h2>
                      <p class="nhsuk-body-s">
                        <Show when={action.status === "done"} fallback={<Tag colour="blue">Open</Tag>}>
                          <Tag colour="green">Done</Tag>
                        </Show>{" "}
                        <Show when={isOverdue(action, today)}>
                          <Tag colour="red">Overdue</Tag>{" "}
                        </Show>
                        Due {formatCalendarDate(action.dueOn)},{" "}
                        {findOrganisation(organisations.data, action.ownerOrganisationId)?.name ??
                          "your organisation"}
                        <Show when={ownerName(action, people())}>{(name) => <> ({name()})</>}</Show>
                        <Show when={action.completedAt}>{(at) => <>, done {formatDateTime(at())}</>}</Show>
                      </p>
                      <p class="nhsuk-body-s">
                        <Show
                          when={mayOpenMeeting(action)}
                          fallback="Agreed at a meeting of an MDT you are not a member of."
                        >
                          <a href={`/mdt/meetings/${encodeURIComponent(action.meetingId)}`}>
                            The meeting it came from
                          </a>
                        </Show>
                      </p>
                      <Show when={action.status === "open" && action.allowedActions.includes("complete")}>
                        <Button
                          type="button"
                          variant="secondary"
                          small
                          disabled={complete.isPending}
                          onClick={() => complete.mutate(action)}
                        >
                          {/* The whole name in one hidden span: text beside it would be read with a stray space. */}
                          <span aria-hidden="true">Mark as done</span>
                          <span class="nhsuk-u-visually-hidden">Mark as done: {action.description}</span>
                        </Button>
                      </Show>
                    </div>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </QueryBoundary>
    </>
  );
}
