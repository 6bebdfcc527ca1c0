import { Match, Switch } from "solid-js";
import type { LiveState } from "../../live/meeting-live";

/** Whether the board is hearing of changes as they happen, or checking every few seconds meanwhile. */
export function LiveStatus(props: { state: LiveState }) {
  return (
    <p
      class="nhsuk-body-s linkwork-live-status"
      role="status"
      data-testid="live-status"
      data-state={props.state}
    >
      <Switch>
        <Match when={props.state === "live"}>
          <span class="linkwork-live-status__dot linkwork-live-status__dot--live" aria-hidden="true" /> Live:
          changes by anyone appear here at once
        </Match>
        <Match when={props.state === "connecting"}>
          <span class="linkwork-live-status__dot" aria-hidden="true" /> Connecting to live updates…
        </Match>
        <Match when={props.state === "reconnecting"}>
          <span class="linkwork-live-status__dot linkwork-live-status__dot--down" aria-hidden="true" />{" "}
          <strong>Reconnecting…</strong> Until then the board checks for changes every few seconds.
        </Match>
      </Switch>
    </p>
  );
}
