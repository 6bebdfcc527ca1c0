import { useParams } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { createEffect, createMemo, createSignal, Match, Show, Switch } from "solid-js";
import { AgendaPreparation } from "../../../components/mdt/agenda-preparation";
import { AttendanceForm } from "../../../components/mdt/attendance-form";
import { CapacityStrip } from "../../../components/mdt/capacity-strip";
import { ItemPanel } from "../../../components/mdt/item-panel";
import { LiveConnection } from "../../../components/mdt/live-connection";
import { MeetingBoard } from "../../../components/mdt/meeting-board";
import { MeetingClock } from "../../../components/mdt/meeting-clock";
import { MeetingControls } from "../../../components/mdt/meeting-controls";
import { MeetingStatusTag } from "../../../components/mdt/meeting-status-tag";
import { MeetingSummary } from "../../../components/mdt/meeting-summary";
import { OpenActions } from "../../../components/mdt/open-actions";
import type { OwnerCandidate } from "../../../components/mdt/outcome-form";
import { usePageTitle } from "../../../components/page-title";
import { QueryBoundary } from "../../../components/query-boundary";
import { formatDateTime } from "../../../format/dates";
import type { LiveState } from "../../../live/meeting-live";
import { mdtsQuery } from "../../../queries/mdts";
import { type Meeting, meetingQuery } from "../../../queries/meeting";
import { meetingCapacityQuery } from "../../../queries/meeting-capacity";
import { BackLink } from "../../../ui/back-link";
import { Details } from "../../../ui/details";

/** While the socket is down the page asks every few seconds instead. */
const pollWhileDisconnected = 3000;

/** How the page keeps up with changes: live, polling until the socket is back, or not at all once ended. */
type Following = LiveState | "ended";

function MeetingView(props: {
  meeting: Meeting;
  poll: number | false;
  onFollowing: (state: Following) => void;
}) {
  const mdts = useQuery(() => mdtsQuery());
  const mdt = () => mdts.data?.find((candidate) => candidate.id === props.meeting.mdtId);
  const capacity = useQuery(() => ({
    ...meetingCapacityQuery(props.meeting.id),
    enabled: props.meeting.status === "in_progress",
  }));
  const [selectedItemId, setSelectedItemId] = createSignal<string>();
  const selected = () => props.meeting.items.find((item) => item.id === selectedItemId());
  const owners = createMemo<OwnerCandidate[]>(() => {
    const known = new Map<string, OwnerCandidate>();
    for (const member of mdt()?.members ?? []) known.set(member.userId, member);
    for (const worker of capacity.data?.linkWorkers ?? []) known.set(worker.userId, worker);
    return [...known.values()];
  });
  createEffect(() => {
    if (props.meeting.status === "ended") props.onFollowing("ended");
  });
  const agendaMinutes = () => props.meeting.items.reduce((sum, item) => sum + item.slotMinutes, 0);
  const when = () => formatDateTime(props.meeting.startsAt);
  usePageTitle(() => `${props.meeting.mdtName}, ${when()}`);
  let board: HTMLDivElement | undefined;
  const closePanel = () => {
    const id = selectedItemId();
    setSelectedItemId(undefined);
    board?.querySelector<HTMLElement>(`[data-item-id="${id}"]`)?.focus();
  };
  return (
    <>
      <BackLink href="/mdt">MDT meetings</BackLink>
      <h1 class="nhsuk-heading-l nhsuk-u-margin-bottom-2">
        <span class="nhsuk-caption-l">{props.meeting.mdtName}</span>
        Meeting on {when()}
      </h1>
      <p class="nhsuk-body">
        <MeetingStatusTag status={props.meeting.status} /> {props.meeting.durationMinutes} minutes,{" "}
        {props.meeting.attendees.length} present
      </p>
      <Show when={props.meeting.status !== "ended"}>
        <LiveConnection meetingId={props.meeting.id} onState={props.onFollowing} />
      </Show>
      <MeetingControls meeting={props.meeting} />
      <Switch>
        <Match when={props.meeting.status === "planned"}>
          <AgendaPreparation meeting={props.meeting} mdt={mdt()} />
        </Match>
        <Match when={props.meeting.status === "in_progress"}>
          <Show when={props.meeting.startedAt}>
            {(startedAt) => (
              <MeetingClock
                startedAt={startedAt()}
                durationMinutes={props.meeting.durationMinutes}
                agendaMinutes={agendaMinutes()}
              />
            )}
          </Show>
          <CapacityStrip meetingId={props.meeting.id} pollMilliseconds={props.poll} />
          <div ref={board}>
            <MeetingBoard
              meeting={props.meeting}
              selectedItemId={selectedItemId()}
              onOpen={(itemId) => setSelectedItemId((current) => (current === itemId ? undefined : itemId))}
            />
          </div>
          <Show when={selected()}>
            {(item) => (
              <ItemPanel item={item()} owners={owners()} meetingRunning={true} onClose={closePanel} />
            )}
          </Show>
          <OpenActions meeting={props.meeting} mdt={mdt()} />
          <Show when={props.meeting.allowedActions.includes("record_attendance")}>
            <Details summary="Attendance">
              <AttendanceForm meeting={props.meeting} mdt={mdt()} />
            </Details>
          </Show>
        </Match>
        <Match when={props.meeting.status === "ended"}>
          <MeetingSummary meeting={props.meeting} />
        </Match>
      </Switch>
    </>
  );
}

/**
 * One meeting: its agenda before it starts, the live board while it runs, its summary after. An
 * ended meeting no longer changes, so it neither listens for changes nor polls.
 */
export default function MeetingPage() {
  const params = useParams<{ meetingId: string }>();
  const [following, setFollowing] = createSignal<Following>("connecting");
  const poll = () =>
    following() === "connecting" || following() === "reconnecting" ? pollWhileDisconnected : false;
  const meeting = useQuery(() => ({ ...meetingQuery(params.meetingId), refetchInterval: poll() }));
  return (
    <QueryBoundary query={meeting} loading="Loading the meeting…" badIdIsNotFound>
      {(current) => <MeetingView meeting={current()} poll={poll()} onFollowing={setFollowing} />}
    </QueryBoundary>
  );
}
