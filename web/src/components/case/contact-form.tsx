import { ContactRequest } from "@linkwork/core/casework/schema";
import { contactMethods, contactOutcomes } from "@linkwork/core/casework/vocabulary";
import { onCleanup, Show } from "solid-js";
import { createDraft } from "../../drafts/create-draft";
import type { DraftAddress } from "../../drafts/draft-storage";
import { formatDateTime } from "../../format/dates";
import { contactMethodLabels, contactOutcomeLabels } from "../../labels/casework-labels";
import { useCaseWrite } from "../../queries/case-actions";
import { Button } from "../../ui/button";
import { DateInput } from "../../ui/date-input";
import type { ErrorSummaryItem } from "../../ui/error-summary";
import { Radios } from "../../ui/radios";
import { TextInput } from "../../ui/text-input";
import { Textarea } from "../../ui/textarea";
import type { ActionFeedback } from "../feedback/action-feedback";
import { DraftRestored } from "./draft-restored";
import { problemsFrom } from "./form-problems";
import { instantOf, type UkDateTime, ukDateTimeOf } from "./uk-time";

const ids = {
  date: "contact-at",
  time: "contact-time",
  method: "contact-method",
  outcome: "contact-outcome",
  duration: "contact-duration",
  note: "contact-note",
};
const dateTarget = `${ids.date}-day`;

/** Where the API's problems land: `at` is the date and time together. */
const targetFor = (path: string): string => {
  const field = path.split(".")[0];
  if (field === "at") return dateTarget;
  if (field === "method") return ids.method;
  if (field === "outcome") return ids.outcome;
  if (field === "durationMinutes") return ids.duration;
  if (field === "note") return ids.note;
  return ids.method;
};

/** Allows for a device clock a little ahead of the server's, as the API does. */
const clockSkewMilliseconds = 60_000;
const futureMessage = "A contact cannot be in the future: enter when it happened";

const methodOptions = contactMethods.map((value) => ({ value, label: contactMethodLabels[value] }));
const outcomeOptions = contactOutcomes.map((value) => ({ value, label: contactOutcomeLabels[value] }));

/** `timeChanged`: whether the boxes show a time the worker chose; until then, the contact is now. */
function emptyContact() {
  return { ...ukDateTimeOf(new Date()), timeChanged: false, method: "", outcome: "", duration: "", note: "" };
}

/**
 * Logs a contact or an attempt: when (now, unless changed; earlier is fine, the future is not),
 * how, what happened, how long and a note. A made contact on a case not yet started starts it.
 */
export function ContactForm(props: {
  referralId: string;
  draft: Omit<DraftAddress, "form">;
  personName: string;
  feedback: ActionFeedback;
}) {
  const form = createDraft({ ...props.draft, form: "contact" }, emptyContact);
  // Until the worker changes them, the date and time boxes keep up with the clock.
  let filledIn = ukDateTimeOf(new Date());
  const keepUpWithNow = () => {
    if (form.values.timeChanged) return;
    filledIn = ukDateTimeOf(new Date());
    form.rebase(filledIn);
  };
  /** A change to the date or time; put back as the form filled them in, it is "now" again. */
  const changeWhen = (change: Partial<UkDateTime>) => {
    const next = { ...form.values, ...change };
    const timeChanged = (["day", "month", "year", "time"] as const).some(
      (part) => next[part] !== filledIn[part],
    );
    form.setAll({ ...next, timeChanged });
  };
  keepUpWithNow();
  const clock = setInterval(keepUpWithNow, 20_000);
  onCleanup(() => clearInterval(clock));
  const write = useCaseWrite(() => props.referralId, {
    onSuccess: (_latest, write) => {
      form.reset();
      keepUpWithNow();
      const outcome = write.kind === "contact" ? write.body.outcome : undefined;
      const at = write.kind === "contact" ? formatDateTime(write.body.at) : "";
      props.feedback.succeed(
        outcome === "made_contact"
          ? `Contact with ${props.personName} on ${at} logged.`
          : `Attempt to contact ${props.personName} on ${at} logged (${contactOutcomeLabels[outcome ?? "no_answer"].toLowerCase()}).`,
      );
    },
    onError: (error) => props.feedback.failFrom(error, targetFor, ids.method),
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (write.isPending) return;
    const values = form.values;
    const problems: ErrorSummaryItem[] = [];
    const when = values.timeChanged ? instantOf(values) : { instant: new Date() };
    // The boxes name a minute; in the current one, "now" to the second is what the worker means.
    if (
      "instant" in when &&
      Math.floor(when.instant.getTime() / 60_000) === Math.floor(Date.now() / 60_000)
    ) {
      when.instant = new Date();
    }
    let at: string | undefined;
    if ("problem" in when) {
      problems.push(
        when.problem === "date"
          ? { targetId: dateTarget, message: "Enter the date of the contact as a real date, like 27 3 2026" }
          : { targetId: ids.time, message: "Enter the time of the contact in 24-hour time, like 14:30" },
      );
    } else if (when.instant.getTime() > Date.now() + clockSkewMilliseconds) {
      problems.push({ targetId: dateTarget, message: futureMessage });
    } else {
      at = when.instant.toISOString();
    }
    const duration = values.duration.trim();
    if (duration && !/^\d+$/.test(duration)) {
      problems.push({ targetId: ids.duration, message: "Enter the duration in whole minutes, like 20" });
    }
    const parsed = ContactRequest.safeParse({
      at: at ?? new Date().toISOString(),
      method: values.method || undefined,
      outcome: values.outcome || undefined,
      ...(duration && /^\d+$/.test(duration) ? { durationMinutes: Number(duration) } : {}),
      ...(values.note.trim() ? { note: values.note } : {}),
    });
    if (!parsed.success) {
      problems.push(
        ...problemsFrom(parsed.error.issues, targetFor, {
          method: "Select how you contacted them, or tried to",
          outcome: "Select what happened",
        }),
      );
    }
    if (problems.length > 0 || !parsed.success) {
      const order = [dateTarget, ids.time, ids.method, ids.outcome, ids.duration, ids.note];
      return props.feedback.failFields(
        [...problems].sort((one, other) => order.indexOf(one.targetId) - order.indexOf(other.targetId)),
      );
    }
    write.mutate({ kind: "contact", body: parsed.data });
  };

  const message = (id: string) => props.feedback.messageFor(id);
  return (
    <form novalidate onSubmit={submit} aria-labelledby="contact-form-heading" data-testid="contact-form">
      <h3 class="nhsuk-heading-s" id="contact-form-heading">
        Log a contact
      </h3>
      <Show when={form.restored()}>
        <DraftRestored />
      </Show>
      <DateInput
        id={ids.date}
        legend="Date"
        legendSize="s"
        hint="Today unless you are writing up an earlier contact"
        error={message(dateTarget)}
        value={form.values}
        onChange={(parts) => changeWhen({ day: parts.day, month: parts.month, year: parts.year })}
      />
      <TextInput
        id={ids.time}
        label="Time"
        labelSize="s"
        hint="In 24-hour time, like 14:30"
        error={message(ids.time)}
        value={form.values.time}
        onInput={(value) => changeWhen({ time: value })}
        width={5}
        inputmode="numeric"
      />
      <Radios
        id={ids.method}
        legend="How"
        legendSize="s"
        error={message(ids.method)}
        value={form.values.method || undefined}
        onChange={(value) => form.set("method", value)}
        options={methodOptions}
        small
      />
      <Radios
        id={ids.outcome}
        legend="What happened"
        legendSize="s"
        error={message(ids.outcome)}
        value={form.values.outcome || undefined}
        onChange={(value) => form.set("outcome", value)}
        options={outcomeOptions}
        small
      />
      <TextInput
        id={ids.duration}
        label="How long, in minutes (optional)"
        labelSize="s"
        error={message(ids.duration)}
        value={form.values.duration}
        onInput={(value) => form.set("duration", value)}
        width={3}
        inputmode="numeric"
      />
      <Textarea
        id={ids.note}
        label="Note (optional)"
        labelSize="s"
        hint="What was said or agreed. The person can ask to see this"
        error={message(ids.note)}
        value={form.values.note}
        onInput={(value) => form.set("note", value)}
        rows={3}
      />
      <Button disabled={write.isPending}>{write.isPending ? "Logging…" : "Log contact"}</Button>
    </form>
  );
}
