import { useQuery } from "@tanstack/solid-query";
import { createEffect, createMemo, createSignal, on, Show } from "solid-js";
import { type AgendaItem, openedAgendaItemQuery } from "../../queries/meeting";
import { findOrganisation, organisationsQuery } from "../../queries/organisations";
import { Button } from "../../ui/button";
import { Details } from "../../ui/details";
import { AllocateSupport } from "./allocate-support";
import { boardColumnLabels } from "./board-columns";
import { type BoardAllocation, OutcomeForm, type OwnerCandidate } from "./outcome-form";
import { OutcomeView } from "./outcome-view";
import { personLabel } from "./person-label";
import { SbarView } from "./sbar-view";

/**
 * The card the meeting is looking at, opened from the board: the SBAR, the outcome (recorded here
 * while the meeting runs) and allocation of support. Opening it moves focus to its heading.
 */
export function ItemPanel(props: {
  /** The item as the board has it; the panel shows the opened copy instead when that is newer. */
  item: AgendaItem;
  owners: readonly OwnerCandidate[];
  meetingRunning: boolean;
  onClose: () => void;
}) {
  const organisations = useQuery(() => organisationsQuery());
  const opened = useQuery(() => openedAgendaItemQuery(props.item.meetingId, props.item.id));
  const item = () => {
    const fetched = opened.data;
    return fetched && fetched.version > props.item.version ? fetched : props.item;
  };
  const organisationName = (organisationId: string) =>
    findOrganisation(organisations.data, organisationId)?.name ?? organisationId;
  let heading: HTMLHeadingElement | undefined;
  let outcomeHeading: HTMLHeadingElement | undefined;
  // The form goes once the outcome is recorded; focus moves to what was recorded, not to the page.
  const recorded = () => requestAnimationFrame(() => outcomeHeading?.focus());
  const [allocation, setAllocation] = createSignal<BoardAllocation>();
  const allocated = (organisationName: string) =>
    setAllocation((last) => ({ organisationName, count: (last?.count ?? 0) + 1 }));
  // A memo, so that only opening another person counts: every live refresh makes a new item.
  const itemId = createMemo(() => item().id);
  createEffect(
    on(itemId, () => {
      setAllocation(undefined);
      heading?.focus();
    }),
  );
  const name = () => personLabel(item().person);
  return (
    <section
      class="linkwork-item-panel"
      id="board-item-panel"
      aria-labelledby="item-panel-heading"
      data-testid="item-panel"
    >
      <h2 class="nhsuk-heading-m" id="item-panel-heading" tabindex="-1" ref={heading}>
        <span class="nhsuk-caption-m">{boardColumnLabels[item().column]}</span>
        {name()}
      </h2>
      <p class="nhsuk-body">
        <strong>Why they are being discussed:</strong> {item().reason}
      </p>
      <Show when={!item().person.initialsOnly}>
        <p class="nhsuk-body-s">
          <a href={`/referrals/${encodeURIComponent(item().referralId)}`}>Open {name()}'s referral</a>
        </p>
      </Show>
      <h3 class="nhsuk-heading-s">SBAR</h3>
      <SbarView sbar={item().sbar} />
      <Show
        when={item().outcome}
        fallback={
          <Show
            when={props.meetingRunning && item().allowedActions.includes("record_outcome")}
            fallback={<p class="nhsuk-body-s">No outcome has been recorded yet.</p>}
          >
            <OutcomeForm
              item={item()}
              owners={props.owners}
              onRecorded={recorded}
              allocation={allocation()}
            />
          </Show>
        }
      >
        {(outcome) => (
          <>
            <h3 class="nhsuk-heading-s" tabindex="-1" ref={outcomeHeading}>
              Outcome
            </h3>
            <OutcomeView outcome={outcome()} organisationName={organisationName} />
          </>
        )}
      </Show>
      <Show when={props.meetingRunning && !item().person.initialsOnly}>
        <Details summary={`Allocate support for ${name()}`}>
          <AllocateSupport
            referralId={item().referralId}
            meetingId={item().meetingId}
            onAllocated={allocated}
          />
        </Details>
      </Show>
      <Button type="button" variant="secondary" onClick={() => props.onClose()}>
        Close {name()}
      </Button>
    </section>
  );
}
