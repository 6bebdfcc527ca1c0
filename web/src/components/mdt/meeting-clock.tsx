import { createSignal, onCleanup, Show } from "solid-js";
import { formatClock } from "./time-slots";

/**
 * How long the meeting has been running against its planned length. The figure is for the eye;
 * screen readers get it when they read the clock, not announced every second.
 */
export function MeetingClock(props: { startedAt: string; durationMinutes: number; agendaMinutes: number }) {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(timer));
  const elapsedSeconds = () => Math.max(0, (now() - new Date(props.startedAt).getTime()) / 1000);
  const plannedSeconds = () => props.durationMinutes * 60;
  const over = () => elapsedSeconds() > plannedSeconds();
  return (
    <div class="linkwork-meeting-clock" data-testid="meeting-clock">
      <p class="nhsuk-body nhsuk-u-margin-bottom-1">
        <span class="nhsuk-u-secondary-text-colour">Meeting time </span>
        <strong class="linkwork-meeting-clock__time">
          <time>{formatClock(elapsedSeconds())}</time>
        </strong>
        <span class="nhsuk-u-secondary-text-colour"> of {props.durationMinutes} minutes</span>
      </p>
      <Show when={over()}>
        <p class="nhsuk-body-s nhsuk-u-margin-bottom-1">
          <strong>Over time by {formatClock(elapsedSeconds() - plannedSeconds())}</strong>
        </p>
      </Show>
      <p class="nhsuk-body-s nhsuk-u-margin-bottom-0">
        Agenda slots add up to {props.agendaMinutes} minutes
        {props.agendaMinutes > props.durationMinutes ? ", more than the meeting's length" : ""}.
      </p>
    </div>
  );
}
