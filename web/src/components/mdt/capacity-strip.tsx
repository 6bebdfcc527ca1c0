import { useQuery } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import { meetingCapacityQuery } from "../../queries/meeting-capacity";
import { QueryBoundary } from "../query-boundary";

const places = (count: number) => (count === 1 ? "1 free place" : `${count} free places`);

/** Every organisation's and link worker's free places, refetched whenever capacity changes anywhere. */
export function CapacityStrip(props: { meetingId: string; pollMilliseconds: number | false }) {
  const capacity = useQuery(() => ({
    ...meetingCapacityQuery(props.meetingId),
    refetchInterval: props.pollMilliseconds,
  }));
  return (
    <section aria-labelledby="capacity-heading" class="linkwork-capacity-strip" data-testid="capacity-strip">
      <h2 class="nhsuk-heading-s nhsuk-u-margin-bottom-2" id="capacity-heading">
        Capacity now
      </h2>
      <QueryBoundary query={capacity} loading="Loading capacity…">
        {(current) => (
          <>
            {/* A strip that scrolls sideways when it overflows: focusable, so the keyboard can scroll it. */}
            <ul
              class="nhsuk-list linkwork-capacity-strip__list"
              aria-label="Organisations' free places"
              tabindex="0"
            >
              <For each={current().organisations}>
                {(organisation) => (
                  <li
                    class="linkwork-capacity-chip"
                    classList={{ "linkwork-capacity-chip--full": organisation.freeCapacity <= 0 }}
                    data-testid="organisation-capacity"
                  >
                    <strong>{organisation.name}</strong>{" "}
                    <span>
                      {organisation.acceptingReferrals
                        ? places(organisation.freeCapacity)
                        : "Not taking referrals"}
                    </span>
                  </li>
                )}
              </For>
            </ul>
            <Show when={current().linkWorkers.length > 0}>
              <ul
                class="nhsuk-list linkwork-capacity-strip__list"
                aria-label="Link workers' free places"
                tabindex="0"
              >
                <For each={current().linkWorkers}>
                  {(worker) => (
                    <li
                      class="linkwork-capacity-chip linkwork-capacity-chip--worker"
                      classList={{ "linkwork-capacity-chip--full": worker.freePlaces <= 0 }}
                      data-testid="link-worker-capacity"
                    >
                      <span>{worker.name}</span>{" "}
                      <span>
                        {places(worker.freePlaces)}
                        <span class="nhsuk-u-secondary-text-colour">
                          {" "}
                          ({worker.activeCases} of {worker.caseloadLimit})
                        </span>
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </QueryBoundary>
    </section>
  );
}
