import { MeetingCreate } from "@linkwork/core/mdt/schema";
import { createSignal, Show } from "solid-js";
import { usePlanMeeting } from "../../queries/mdt-plan-meeting";
import type { Mdt } from "../../queries/mdts";
import { Button } from "../../ui/button";
import { ErrorSummary } from "../../ui/error-summary";
import { describedBy, FormGroup } from "../../ui/field-parts";
import { TextInput } from "../../ui/text-input";
import { createFormProblems } from "./form-problems";

/** The chair plans a meeting: when it starts (UK time, as the browser gives it) and how long it runs. */
export function PlanMeetingForm(props: { mdt: Mdt; onPlanned: (meetingId: string) => void }) {
  const problems = createFormProblems();
  const [startsAt, setStartsAt] = createSignal("");
  const [minutes, setMinutes] = createSignal("60");
  const base = () => `plan-${props.mdt.id}`;
  const target = (path: string) =>
    path === "durationMinutes" ? `${base()}-minutes` : path === "startsAt" ? `${base()}-starts` : undefined;
  const plan = usePlanMeeting({
    onSuccess: (meeting) => props.onPlanned(meeting.id),
    onError: (error) => problems.fromError(error, target, `${base()}-starts`),
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (plan.isPending) return;
    const when = startsAt() ? new Date(startsAt()) : undefined;
    const parsed = MeetingCreate.safeParse({
      startsAt: when && !Number.isNaN(when.getTime()) ? when.toISOString() : "",
      durationMinutes: minutes().trim() === "" ? undefined : Number(minutes()),
    });
    if (!parsed.success) return problems.fromIssues(parsed.error.issues, target, `${base()}-starts`);
    plan.mutate({ mdtId: props.mdt.id, body: parsed.data });
  };
  const startsError = () => problems.messageFor(`${base()}-starts`);
  return (
    <form onSubmit={submit} noValidate aria-label={`Plan a meeting of ${props.mdt.name}`}>
      <Show when={problems.items().length > 0}>
        <ErrorSummary items={problems.items()} attempt={problems.attempt()} />
      </Show>
      <FormGroup id={`${base()}-starts`} label="Starts at" error={startsError()}>
        <input
          class="nhsuk-input nhsuk-input--width-20"
          classList={{ "nhsuk-input--error": Boolean(startsError()) }}
          type="datetime-local"
          id={`${base()}-starts`}
          name={`${base()}-starts`}
          value={startsAt()}
          onInput={(event) => setStartsAt(event.currentTarget.value)}
          aria-describedby={describedBy(`${base()}-starts`, undefined, startsError())}
        />
      </FormGroup>
      <TextInput
        id={`${base()}-minutes`}
        label="Length in minutes"
        width={3}
        inputmode="numeric"
        error={problems.messageFor(`${base()}-minutes`)}
        value={minutes()}
        onInput={setMinutes}
      />
      <Button type="submit" variant="secondary" disabled={plan.isPending}>
        Plan the meeting
      </Button>
    </form>
  );
}
