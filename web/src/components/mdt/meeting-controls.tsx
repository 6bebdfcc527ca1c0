import { createSignal, Show } from "solid-js";
import { isApiError } from "../../api/api-error";
import type { Meeting } from "../../queries/meeting";
import { useMeetingChange } from "../../queries/meeting-actions";
import { Button } from "../../ui/button";
import { WarningCallout } from "../../ui/warning-callout";

/** The chair starts the meeting (early, if need be) and ends it, after saying what ending does. */
export function MeetingControls(props: { meeting: Meeting }) {
  const [confirming, setConfirming] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  const change = useMeetingChange(() => props.meeting.id, {
    onSuccess: () => {
      setProblem(undefined);
      setConfirming(false);
    },
    onError: (error) =>
      setProblem(
        isApiError(error) && error.status === 409
          ? "The meeting changed meanwhile (someone else may have started or ended it). It now shows as it is."
          : error.message,
      ),
  });
  const undecided = () => props.meeting.items.filter((item) => item.column !== "decided").length;
  const may = (action: string) => props.meeting.allowedActions.includes(action);
  return (
    <div class="linkwork-meeting-controls">
      <Show when={problem()}>
        {(message) => (
          <div role="alert">
            <WarningCallout heading="The meeting could not be changed">
              <p>{message()}</p>
            </WarningCallout>
          </div>
        )}
      </Show>
      <Show when={props.meeting.status === "planned" && may("start")}>
        <Button
          type="button"
          disabled={change.isPending}
          onClick={() => change.mutate({ kind: "start", version: props.meeting.version })}
        >
          Start the meeting
        </Button>
      </Show>
      <Show when={props.meeting.status === "in_progress" && may("end")}>
        <Show
          when={confirming()}
          fallback={
            <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
              End the meeting
            </Button>
          }
        >
          <WarningCallout heading="End the meeting?">
            <p>
              {undecided() === 0
                ? "Everyone on the agenda has a decision."
                : `${undecided()} ${undecided() === 1 ? "person has" : "people have"} no decision and will be carried over to the team's next meeting.`}
            </p>
          </WarningCallout>
          <div class="nhsuk-button-group">
            <Button
              type="button"
              variant="warning"
              disabled={change.isPending}
              onClick={() => change.mutate({ kind: "end", version: props.meeting.version })}
            >
              Yes, end the meeting
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              Keep the meeting going
            </Button>
          </div>
        </Show>
      </Show>
    </div>
  );
}
