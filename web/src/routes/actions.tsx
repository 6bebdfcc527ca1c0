import { useQuery } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import { isApiError } from "../api/api-error";
import { usePageTitle } from "../components/page-title";
import { QueryBoundary } from "../components/query-boundary";
import { formatCalendarDate, formatDateTime } from "../format/dates";
import { type Action, myActionsQuery, useCompleteAction } from "../queries/actions";
import { findOrganisation, organisationsQuery } from "../queries/organisations";
import { Button } from "../ui/button";
import { Tag } from "../ui/tag";

/** Actions agreed at MDT meetings that the user, or their organisation, owns: open ones first. */
export default function ActionsPage() {
  const actions = useQuery(() => myActionsQuery());
  const organisations = useQuery(() => organisationsQuery());
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
                        Due {formatCalendarDate(action.dueOn)},{" "}
                        {findOrganisation(organisations.data, action.ownerOrganisationId)?.name ??
                          "your organisation"}
                        <Show when={action.completedAt}>{(at) => <>, done {formatDateTime(at())}</>}</Show>
                      </p>
                      <p class="nhsuk-body-s">
                        <a href={`/mdt/meetings/${encodeURIComponent(action.meetingId)}`}>
                          The meeting it came from
                        </a>
                      </p>
                      <Show when={action.status === "open" && action.allowedActions.includes("complete")}>
                        <Button
                          type="button"
                          variant="secondary"
                          small
                          disabled={complete.isPending}
                          onClick={() => complete.mutate(action)}
                        >
                          Mark as done<span class="nhsuk-u-visually-hidden">: {action.description}</span>
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
