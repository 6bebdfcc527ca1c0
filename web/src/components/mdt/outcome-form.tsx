import { OutcomeCreate } from "@linkwork/core/mdt/schema";
import { useQuery } from "@tanstack/solid-query";
import { createEffect, createSignal, Index, on, Show } from "solid-js";
import type { AgendaItem } from "../../queries/meeting";
import { useItemChange } from "../../queries/meeting-items";
import { organisationsQuery } from "../../queries/organisations";
import { Button } from "../../ui/button";
import { ErrorSummary } from "../../ui/error-summary";
import { describedBy, FormGroup } from "../../ui/field-parts";
import { InsetText } from "../../ui/inset-text";
import { Select } from "../../ui/select";
import { Textarea } from "../../ui/textarea";
import { allocationSentence, withAllocation } from "./allocation-decision";
import { createFormProblems } from "./form-problems";

export interface OwnerCandidate {
  userId: string;
  name: string;
  organisationId: string;
}

interface ActionDraft {
  description: string;
  ownerOrganisationId: string;
  ownerUserId: string;
  dueOn: string;
}

const draftFields: readonly (keyof ActionDraft)[] = [
  "description",
  "ownerOrganisationId",
  "ownerUserId",
  "dueOn",
];

/** Support the meeting has just allocated from the board; `count` tells one allocation from the next. */
export interface BoardAllocation {
  organisationName: string;
  count: number;
}

const emptyAction = (): ActionDraft => ({
  description: "",
  ownerOrganisationId: "",
  ownerUserId: "",
  dueOn: "",
});

/**
 * The decision for one person and the actions agreed, each owned by an organisation (and, if
 * named, one of its people) with a due date. Checked with the API's own schema before sending.
 */
export function OutcomeForm(props: {
  item: AgendaItem;
  owners: readonly OwnerCandidate[];
  onRecorded: (item: AgendaItem) => void;
  /** Allocating is not deciding: the decision is written for the meeting to record, never sent for it. */
  allocation?: BoardAllocation | undefined;
}) {
  const organisations = useQuery(() => organisationsQuery());
  const problems = createFormProblems();
  const [decision, setDecision] = createSignal("");
  const [actions, setActions] = createSignal<ActionDraft[]>([]);
  const base = () => `outcome-${props.item.id}`;
  let form: HTMLFormElement | undefined;
  createEffect(
    on(
      () => props.allocation,
      (allocation) => {
        if (!allocation) return;
        setDecision((typed) => withAllocation(typed, allocationSentence(allocation.organisationName)));
        // After the allocation's own banner has taken focus: recording the outcome is what is left.
        requestAnimationFrame(() => {
          document.getElementById(`${base()}-decision`)?.focus({ preventScroll: true });
          form?.scrollIntoView({ block: "start" });
        });
      },
      { defer: true },
    ),
  );
  const fieldId = (index: number, field: keyof ActionDraft) => `${base()}-action-${index}-${field}`;
  const target = (path: string) => {
    const [first, index, field] = path.split(".");
    if (first === "decision") return `${base()}-decision`;
    const known = draftFields.find((name) => name === field);
    if (first === "actions" && index !== undefined && known) return fieldId(Number(index), known);
    return undefined;
  };
  const record = useItemChange(() => props.item.meetingId, {
    onSuccess: (item) => {
      problems.clear();
      props.onRecorded(item);
    },
    onError: (error) => problems.fromError(error, target, `${base()}-decision`),
  });
  const change = (index: number, field: keyof ActionDraft, value: string) =>
    setActions((all) =>
      all.map((draft, position) =>
        position === index
          ? { ...draft, [field]: value, ...(field === "ownerOrganisationId" ? { ownerUserId: "" } : {}) }
          : draft,
      ),
    );
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (record.isPending) return;
    const parsed = OutcomeCreate.safeParse({
      version: props.item.version,
      decision: decision(),
      actions: actions().map((draft) => ({
        description: draft.description,
        ownerOrganisationId: draft.ownerOrganisationId,
        ...(draft.ownerUserId ? { ownerUserId: draft.ownerUserId } : {}),
        dueOn: draft.dueOn,
      })),
    });
    if (!parsed.success) {
      problems.fromIssues(parsed.error.issues, target, `${base()}-decision`);
      return;
    }
    record.mutate({ kind: "outcome", itemId: props.item.id, body: parsed.data });
  };
  const organisationOptions = () =>
    (organisations.data ?? []).map((organisation) => ({ value: organisation.id, label: organisation.name }));
  const ownersIn = (organisationId: string) =>
    props.owners
      .filter((owner) => owner.organisationId === organisationId)
      .map((owner) => ({ value: owner.userId, label: owner.name }));

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${base()}-heading`} ref={form}>
      <h3 class="nhsuk-heading-s" id={`${base()}-heading`}>
        Record the outcome
      </h3>
      <Show when={problems.items().length > 0}>
        <ErrorSummary items={problems.items()} attempt={problems.attempt()} />
      </Show>
      <Show when={props.allocation}>
        <InsetText>
          <p>Record the decision to finish this person's discussion.</p>
        </InsetText>
      </Show>
      <Textarea
        id={`${base()}-decision`}
        label="Decision"
        hint="What the meeting decided for this person. It goes on their referral's timeline for the GP."
        error={problems.messageFor(`${base()}-decision`)}
        value={decision()}
        onInput={setDecision}
        rows={3}
      />
      <Index each={actions()}>
        {(draft, index) => (
          <fieldset class="nhsuk-fieldset linkwork-outcome-action">
            <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Action {index + 1}</legend>
            <Textarea
              id={fieldId(index, "description")}
              label="What is to be done"
              error={problems.messageFor(fieldId(index, "description"))}
              value={draft().description}
              onInput={(value) => change(index, "description", value)}
              rows={2}
            />
            <Select
              id={fieldId(index, "ownerOrganisationId")}
              label="Owner organisation"
              error={problems.messageFor(fieldId(index, "ownerOrganisationId"))}
              value={draft().ownerOrganisationId}
              onChange={(value) => change(index, "ownerOrganisationId", value)}
              options={organisationOptions()}
              emptyLabel="Choose an organisation"
            />
            <Select
              id={fieldId(index, "ownerUserId")}
              label="Owner (optional)"
              hint="Someone at that organisation, if one person will do it."
              error={problems.messageFor(fieldId(index, "ownerUserId"))}
              value={draft().ownerUserId}
              onChange={(value) => change(index, "ownerUserId", value)}
              options={ownersIn(draft().ownerOrganisationId)}
              emptyLabel="No one in particular"
            />
            <FormGroup
              id={fieldId(index, "dueOn")}
              label="Due date"
              error={problems.messageFor(fieldId(index, "dueOn"))}
            >
              <input
                class="nhsuk-input nhsuk-input--width-10"
                classList={{ "nhsuk-input--error": Boolean(problems.messageFor(fieldId(index, "dueOn"))) }}
                type="date"
                id={fieldId(index, "dueOn")}
                name={fieldId(index, "dueOn")}
                value={draft().dueOn}
                onInput={(event) => change(index, "dueOn", event.currentTarget.value)}
                aria-describedby={describedBy(
                  fieldId(index, "dueOn"),
                  undefined,
                  problems.messageFor(fieldId(index, "dueOn")),
                )}
              />
            </FormGroup>
            <Button
              type="button"
              variant="secondary"
              small
              onClick={() => setActions((all) => all.filter((_, position) => position !== index))}
            >
              Remove action {index + 1}
            </Button>
          </fieldset>
        )}
      </Index>
      <div class="nhsuk-button-group">
        <Button
          type="button"
          variant="secondary"
          onClick={() => setActions((all) => [...all, emptyAction()])}
        >
          Add an action
        </Button>
        <Button type="submit" disabled={record.isPending}>
          Record the outcome
        </Button>
      </div>
    </form>
  );
}
