import { createEffect, createSignal, on, Show } from "solid-js";
import type { Mdt } from "../../queries/mdts";
import type { Meeting } from "../../queries/meeting";
import { useMeetingChange } from "../../queries/meeting-actions";
import { Button } from "../../ui/button";
import { Checkboxes } from "../../ui/checkboxes";
import { ErrorSummary } from "../../ui/error-summary";
import { createFormProblems } from "./form-problems";

/** Who is at the meeting, from the team's members; any member can record it. */
export function AttendanceForm(props: { meeting: Meeting; mdt: Mdt | undefined }) {
  const problems = createFormProblems();
  const [attendees, setAttendees] = createSignal<string[]>([...props.meeting.attendees]);
  const [saved, setSaved] = createSignal(false);
  createEffect(
    on(
      () => props.meeting.attendees.join(","),
      () => setAttendees([...props.meeting.attendees]),
    ),
  );
  const record = useMeetingChange(() => props.meeting.id, {
    onSuccess: () => {
      problems.clear();
      setSaved(true);
    },
    onError: (error) => problems.fromError(error, () => "attendance-0", "attendance-0"),
  });
  const options = () =>
    (props.mdt?.members ?? []).map((member) => ({ value: member.userId, label: member.name }));
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        record.mutate({ kind: "attendance", version: props.meeting.version, attendees: attendees() });
      }}
    >
      <Show when={problems.items().length > 0}>
        <ErrorSummary items={problems.items()} attempt={problems.attempt()} />
      </Show>
      <Checkboxes
        id="attendance"
        legend="Who is here"
        legendSize="s"
        small
        values={attendees()}
        onChange={setAttendees}
        options={options()}
      />
      <Button type="submit" variant="secondary" small disabled={record.isPending}>
        Save attendance
      </Button>
      <Show when={saved()}>
        <p class="nhsuk-body-s" role="status">
          Attendance saved.
        </p>
      </Show>
    </form>
  );
}
