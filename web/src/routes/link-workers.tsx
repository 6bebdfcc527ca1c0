import { useQuery, useQueryClient } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import { createActionFeedback } from "../components/feedback/action-feedback";
import { FeedbackSummary } from "../components/feedback/feedback-summary";
import { CapacityForm } from "../components/link-workers/capacity-form";
import { usePageTitle } from "../components/page-title";
import { QueryBoundary } from "../components/query-boundary";
import { RoleGate } from "../components/role-gate";
import { linkWorkersQuery } from "../queries/link-workers";
import type { Me } from "../queries/me";
import { findOrganisation, organisationsQuery } from "../queries/organisations";

function LinkWorkers(props: { me: Me }) {
  const feedback = createActionFeedback();
  const queryClient = useQueryClient();
  const workers = useQuery(() => linkWorkersQuery(props.me.organisationId));
  const organisations = useQuery(() => organisationsQuery());
  const organisationName = () => findOrganisation(organisations.data, props.me.organisationId)?.name;
  const totals = () => {
    const all = workers.data ?? [];
    return {
      used: all.reduce((sum, worker) => sum + worker.activeCaseload, 0),
      free: all.reduce((sum, worker) => sum + worker.freeCapacity, 0),
    };
  };
  /** Fetches the workers afresh, for after someone else changed one. */
  const reload = async (userId: string) => {
    const latest = await queryClient.fetchQuery({
      ...linkWorkersQuery(props.me.organisationId),
      staleTime: 0,
    });
    return latest.items.find((worker) => worker.userId === userId);
  };
  usePageTitle(() => `${feedback.problem() ? "Error: " : ""}Link workers`);
  return (
    <>
      <FeedbackSummary feedback={feedback} />
      <h1 class="nhsuk-heading-l">
        <Show when={organisationName()}>{(name) => <span class="nhsuk-caption-l">{name()}</span>}</Show>
        Link workers
      </h1>
      <p class="nhsuk-body">
        Set how many people each link worker can support at once. NHS England guidance is 200 to 250 people a
        year. When a link worker's caseload is full, they cannot pick up anyone else.
      </p>
      <QueryBoundary query={workers} loading="Loading your link workers…">
        {(list) => (
          <Show
            when={list().length > 0}
            fallback={<p class="nhsuk-body">Your organisation has no link workers yet.</p>}
          >
            <p class="nhsuk-body" role="status">
              {list().length} link {list().length === 1 ? "worker" : "workers"}, supporting {totals().used}{" "}
              {totals().used === 1 ? "person" : "people"}, with {totals().free} free{" "}
              {totals().free === 1 ? "place" : "places"}.
            </p>
            <ul class="nhsuk-list linkwork-card-list" aria-label="Link workers">
              <For each={list()}>
                {(worker) => (
                  <CapacityForm
                    worker={worker}
                    organisationId={props.me.organisationId}
                    feedback={feedback}
                    onReload={() => reload(worker.userId)}
                  />
                )}
              </For>
            </ul>
          </Show>
        )}
      </QueryBoundary>
    </>
  );
}

/** `/link-workers`: a manager's view of their link workers' caseloads, and where they set the limits. */
export default function LinkWorkersPage() {
  return (
    <RoleGate roles={["org_manager"]} page="Link workers">
      {(me) => <LinkWorkers me={me} />}
    </RoleGate>
  );
}
