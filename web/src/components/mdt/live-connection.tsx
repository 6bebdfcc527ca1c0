import { createEffect } from "solid-js";
import { type LiveState, useMeetingLive } from "../../live/meeting-live";
import { LiveStatus } from "./live-status";

/**
 * The meeting's live updates, shown only while there is something to follow (a meeting to come or
 * under way): the socket opens when this is shown and closes when it goes, as when the meeting ends.
 */
export function LiveConnection(props: { meetingId: string; onState: (state: LiveState) => void }) {
  const live = useMeetingLive(() => props.meetingId);
  createEffect(() => props.onState(live.state()));
  return <LiveStatus state={live.state()} />;
}
