import { createSignal, For, Show } from "solid-js";
import type { AllocationOption } from "../../queries/allocation-options";
import { Button } from "../../ui/button";
import { Details } from "../../ui/details";
import { Tag } from "../../ui/tag";
import { Textarea } from "../../ui/textarea";

export const allocationNoteId = (organisationId: string) => `allocate-note-${organisationId}`;

function places(count: number): string {
  if (count === 0) return "No free places";
  return count === 1 ? "1 free place" : `${count} free places`;
}

/**
 * One organisation the referral could go to: whether it is eligible, its free places and why. An
 * eligible one is allocated in one click; one that is not needs a note saying why it is still right.
 */
export function AllocationOptionCard(props: {
  option: AllocationOption;
  best: boolean;
  pending: boolean;
  /** Without the person's consent to share, options are shown for information only. */
  canAllocate: boolean;
  noteError: string | undefined;
  onAllocate: (note: string | undefined) => void;
}) {
  const [note, setNote] = createSignal("");
  const headingId = () => `allocation-option-${props.option.organisationId}`;
  return (
    <li
      class="nhsuk-card linkwork-option"
      classList={{ "linkwork-option--ineligible": !props.option.eligible }}
    >
      <div class="nhsuk-card__content">
        <h3 class="nhsuk-card__heading nhsuk-heading-s" id={headingId()}>
          {props.option.name}
        </h3>
        <ul class="nhsuk-list linkwork-inline-tags nhsuk-u-margin-bottom-3" aria-label="Summary">
          <li>
            <Show when={props.option.eligible} fallback={<Tag colour="grey">Not eligible</Tag>}>
              <Tag colour="green">Eligible</Tag>
            </Show>
          </li>
          <Show when={props.best}>
            <li>
              <Tag colour="blue">Best match</Tag>
            </li>
          </Show>
          <li>
            <Tag colour={props.option.freeCapacity > 0 ? "white" : "orange"}>
              {places(props.option.freeCapacity)}
            </Tag>
          </li>
        </ul>
        <p class="nhsuk-body-s nhsuk-u-margin-bottom-1">
          <strong>{props.option.eligible ? "Why it fits" : "Why it does not fit"}</strong>
        </p>
        <ul class="nhsuk-list nhsuk-list--bullet nhsuk-body-s nhsuk-u-margin-bottom-4">
          <For each={props.option.reasons}>
            {(reason) => (
              <li>{props.option.notEligibleBecause.includes(reason) ? <strong>{reason}</strong> : reason}</li>
            )}
          </For>
        </ul>
        <Show when={props.canAllocate}>
          <Show
            when={props.option.eligible}
            fallback={
              <Details summary={`Allocate to ${props.option.name} anyway`} open={Boolean(props.noteError)}>
                <Textarea
                  id={allocationNoteId(props.option.organisationId)}
                  label={`Why is ${props.option.name} still the right place?`}
                  hint={`They are not eligible: ${props.option.notEligibleBecause.join("; ")}. Your note goes to them with the referral.`}
                  error={props.noteError}
                  value={note()}
                  onInput={setNote}
                  rows={3}
                />
                <Button
                  type="button"
                  variant="warning"
                  disabled={props.pending}
                  onClick={() => props.onAllocate(note().trim() ? note() : undefined)}
                >
                  Allocate to {props.option.name} anyway
                </Button>
              </Details>
            }
          >
            <Button type="button" disabled={props.pending} onClick={() => props.onAllocate(undefined)}>
              Allocate to {props.option.name}
            </Button>
          </Show>
        </Show>
      </div>
    </li>
  );
}
