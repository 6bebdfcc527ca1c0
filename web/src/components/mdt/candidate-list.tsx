import { AgendaItemCreate } from "@linkwork/core/mdt/schema";
import { useQuery } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import { type AgendaItem, type MeetingCandidate, meetingCandidatesQuery } from "../../queries/meeting";
import { useItemChange } from "../../queries/meeting-items";
import { Button } from "../../ui/button";
import { ErrorSummary } from "../../ui/error-summary";
import { Textarea } from "../../ui/textarea";
import { QueryBoundary } from "../query-boundary";
import { RiskFlagTags } from "../referral-tags";
import { createFormProblems } from "./form-problems";
import { createReconciledList } from "./reconciled-list";

/** One suggested person: why the rules suggest them, and a reason to list them with. */
function CandidateCard(props: {
  candidate: MeetingCandidate;
  meetingId: string;
  onAdded: (item: AgendaItem) => void;
}) {
  const problems = createFormProblems();
  const [reason, setReason] = createSignal(props.candidate.why.join("; "));
  const reasonId = () => `candidate-${props.candidate.referralId}-reason`;
  const add = useItemChange(() => props.meetingId, {
    onSuccess: (item) => props.onAdded(item),
    onError: (error) =>
      problems.fromError(error, (path) => (path === "reason" ? reasonId() : undefined), reasonId()),
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    const parsed = AgendaItemCreate.safeParse({ referralId: props.candidate.referralId, reason: reason() });
    if (!parsed.success) return problems.fromIssues(parsed.error.issues, () => reasonId(), reasonId());
    add.mutate({ kind: "add", body: parsed.data });
  };
  const label = () =>
    props.candidate.age === undefined
      ? props.candidate.name
      : `${props.candidate.name}, ${props.candidate.age}`;
  return (
    <li class="nhsuk-card" data-testid="candidate">
      <div class="nhsuk-card__content">
        <h3 class="nhsuk-card__heading nhsuk-heading-s">{label()}</h3>
        <RiskFlagTags flags={props.candidate.riskFlags} none="" inline />
        <p class="nhsuk-body-s nhsuk-u-margin-bottom-1">
          <strong>Why they are suggested</strong>
        </p>
        <ul class="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
          <For each={props.candidate.why}>{(why) => <li>{why}</li>}</For>
        </ul>
        <form onSubmit={submit} noValidate>
          <Show when={problems.items().length > 0}>
            <ErrorSummary items={problems.items()} attempt={problems.attempt()} />
          </Show>
          <Textarea
            id={reasonId()}
            label={`Why discuss ${props.candidate.name}`}
            hint="The SBAR is filled in from their record when you add them; you can edit it before the meeting."
            error={problems.messageFor(reasonId())}
            value={reason()}
            onInput={setReason}
            rows={2}
          />
          <Button type="submit" variant="secondary" disabled={add.isPending}>
            Add {props.candidate.name} to the agenda
          </Button>
        </form>
      </div>
    </li>
  );
}

/** People the rules suggest for this meeting and not yet on its agenda. */
export function CandidateList(props: {
  meetingId: string;
  listed: readonly string[];
  onAdded: (item: AgendaItem) => void;
}) {
  const candidates = useQuery(() => meetingCandidatesQuery(props.meetingId));
  const waiting = createReconciledList(
    () => (candidates.data ?? []).filter((candidate) => !props.listed.includes(candidate.referralId)),
    "referralId",
  );
  return (
    <section aria-labelledby="candidates-heading" data-testid="candidates">
      <h2 class="nhsuk-heading-m" id="candidates-heading">
        Suggested people
      </h2>
      <p class="nhsuk-body">
        Open referrals at the team's practices flagged as a high risk of admission, a frequent attender, a
        safeguarding concern or in crisis.
      </p>
      <QueryBoundary query={candidates} loading="Finding people to suggest…">
        {() => (
          <Show
            when={waiting.length > 0}
            fallback={<p class="nhsuk-body">No one else is suggested at the moment.</p>}
          >
            <ul class="nhsuk-list linkwork-card-list" aria-label="Suggested people">
              <For each={waiting}>
                {(candidate) => (
                  <CandidateCard candidate={candidate} meetingId={props.meetingId} onAdded={props.onAdded} />
                )}
              </For>
            </ul>
          </Show>
        )}
      </QueryBoundary>
    </section>
  );
}
