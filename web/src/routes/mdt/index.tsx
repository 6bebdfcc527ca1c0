import { useQuery } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import { MdtMeetings } from "../../components/mdt/mdt-meetings";
import { usePageTitle } from "../../components/page-title";
import { QueryBoundary } from "../../components/query-boundary";
import { mdtsQuery } from "../../queries/mdts";
import { meQuery } from "../../queries/me";

/** The MDTs the user belongs to, each with its meetings to prepare, join or read back. */
export default function MdtPage() {
  const me = useQuery(() => meQuery());
  const mdts = useQuery(() => mdtsQuery());
  usePageTitle(() => "MDT meetings");
  return (
    <>
      <h1 class="nhsuk-heading-l">MDT meetings</h1>
      <QueryBoundary query={me}>
        {(user) => (
          <QueryBoundary query={mdts} loading="Loading your teams…">
            {(teams) => (
              <Show
                when={teams().length > 0}
                fallback={<p class="nhsuk-body">You are not a member of any multi-disciplinary team.</p>}
              >
                <For each={teams()}>{(mdt) => <MdtMeetings mdt={mdt} me={user()} />}</For>
              </Show>
            )}
          </QueryBoundary>
        )}
      </QueryBoundary>
    </>
  );
}
