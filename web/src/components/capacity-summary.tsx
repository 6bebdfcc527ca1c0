import { Show } from "solid-js";
import { WarningCallout } from "../ui/warning-callout";

export function describePlaces(used: number, limit: number): string {
  return `${used} of ${limit} ${limit === 1 ? "place" : "places"} used`;
}

/** How full a caseload is: "12 of 30 places used", with a bar, and a warning once it is full. */
export function CapacitySummary(props: { used: number; limit: number; warnWhenFull?: boolean }) {
  const full = () => props.used >= props.limit;
  const percent = () => (props.limit > 0 ? Math.min(100, Math.round((props.used / props.limit) * 100)) : 100);
  return (
    <div class="linkwork-capacity" data-testid="capacity">
      <p class="nhsuk-body-l nhsuk-u-margin-bottom-2">
        <strong>{describePlaces(props.used, props.limit)}</strong>
      </p>
      <div class="linkwork-capacity__bar" aria-hidden="true">
        <div
          class="linkwork-capacity__fill"
          classList={{ "linkwork-capacity__fill--full": full() }}
          style={{ width: `${percent()}%` }}
        />
      </div>
      <Show when={full() && props.warnWhenFull !== false}>
        <WarningCallout heading="Your caseload is full">
          <p>
            You cannot pick up anyone else until one of your cases closes or your manager raises your caseload
            limit.
          </p>
        </WarningCallout>
      </Show>
    </div>
  );
}
