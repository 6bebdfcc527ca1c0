import type { BoardColumn } from "@linkwork/core/mdt/schema";
import { createDraggable, createDroppable, transformStyle } from "@thisbeyond/solid-dnd";
import { createEffect, createSignal, For, Show } from "solid-js";
import { Tag } from "../../ui/tag";
import { RiskFlagTags } from "../referral-tags";
import type { BoardCard } from "./board-arrangement";
import { boardColumnLabels, boardColumns, isBoardColumn } from "./board-columns";
import { type CardControl, type CardFocus, cardControlId } from "./card-focus";
import { personLabel } from "./person-label";
import type { TimeSlot } from "./time-slots";

export interface CardPlace {
  index: number;
  count: number;
}

/**
 * One person on the board: who, why, their slot, and the keyboard's way to move them (a column to
 * move to, and up and down within the column) beside dragging the card by its heading.
 */
export function BoardCardView(props: {
  card: BoardCard;
  place: CardPlace;
  slot: TimeSlot | undefined;
  canMove: boolean;
  selected: boolean;
  focus: CardFocus;
  onMove: (column: BoardColumn, position: number, control: CardControl) => void;
  onOpen: () => void;
}) {
  const draggable = createDraggable(props.card.id, { kind: "card", itemId: props.card.id });
  const droppable = createDroppable(`drop-${props.card.id}`, {
    kind: "card",
    itemId: props.card.id,
    column: props.card.column,
  });
  const [target, setTarget] = createSignal<BoardColumn>(props.card.column);
  const name = () => personLabel(props.card.person);
  const controls: Partial<Record<CardControl, HTMLElement>> = {};
  let cardElement: HTMLElement | undefined;

  createEffect(() => {
    const request = props.focus.request();
    if (request?.itemId !== props.card.id) return;
    // Until the move lands its buttons are disabled: the card holds focus, then hands it on.
    if (props.card.moving) return cardElement?.focus();
    const control = request.control === "card" ? undefined : controls[request.control];
    const usable = control && !(control instanceof HTMLButtonElement && control.disabled);
    (usable ? control : cardElement)?.focus();
    props.focus.done();
  });
  createEffect(() => setTarget(props.card.column));

  const locked = () => !props.canMove || props.card.moving;
  return (
    <li
      class="linkwork-board-card"
      classList={{
        "linkwork-board-card--moving": props.card.moving,
        "linkwork-board-card--dragging": draggable.isActiveDraggable,
        "linkwork-board-card--selected": props.selected,
        "linkwork-board-card--target": droppable.isActiveDroppable,
      }}
      ref={(element) => {
        cardElement = element;
        draggable.ref(element);
        droppable.ref(element);
      }}
      style={draggable.isActiveDraggable ? transformStyle(draggable.transform) : undefined}
      tabindex="-1"
      aria-labelledby={`${props.card.id}-name`}
      data-testid="board-card"
      data-item-id={props.card.id}
    >
      <h4
        class="nhsuk-heading-xs linkwork-board-card__name"
        id={`${props.card.id}-name`}
        classList={{ "linkwork-board-card__handle": !locked() }}
        {...(locked() ? {} : draggable.dragActivators)}
      >
        {name()}
      </h4>
      <p class="nhsuk-body-s nhsuk-u-margin-bottom-2">{props.card.reason}</p>
      <p class="nhsuk-body-s nhsuk-u-margin-bottom-2 linkwork-board-card__slot">
        {props.card.slotMinutes} min
        <Show when={props.slot}>
          {(slot) => (
            <span class="nhsuk-u-secondary-text-colour">
              {" "}
              (minute {slot().fromMinute} to {slot().toMinute})
            </span>
          )}
        </Show>
        <Show when={props.card.rolledFrom}>
          {" "}
          <Tag colour="yellow">Carried over</Tag>
        </Show>
      </p>
      <RiskFlagTags flags={props.card.riskFlags} none="" inline />
      <Show when={props.card.outcome}>
        {(outcome) => (
          <p class="nhsuk-body-s nhsuk-u-margin-bottom-2">
            <strong>Decision:</strong> {outcome().decision}
          </p>
        )}
      </Show>
      <Show when={props.canMove}>
        <div class="linkwork-board-card__move">
          <label class="nhsuk-label nhsuk-body-s" for={cardControlId(props.card.id, "move-to")}>
            Move to<span class="nhsuk-u-visually-hidden"> (for {name()})</span>
          </label>
          <select
            class="nhsuk-select linkwork-board-card__select"
            id={cardControlId(props.card.id, "move-to")}
            ref={(element) => {
              controls["move-to"] = element;
            }}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isBoardColumn(value)) setTarget(value);
            }}
            onKeyDown={(event) => {
              if (event.key !== "Enter" || target() === props.card.column) return;
              event.preventDefault();
              props.onMove(target(), Number.MAX_SAFE_INTEGER, "move-to");
            }}
          >
            <For each={boardColumns}>
              {(column) => (
                <option value={column} selected={target() === column}>
                  {boardColumnLabels[column]}
                </option>
              )}
            </For>
          </select>
          <button
            type="button"
            class="nhsuk-button nhsuk-button--secondary nhsuk-button--small linkwork-board-card__button"
            disabled={locked() || target() === props.card.column}
            onClick={() => props.onMove(target(), Number.MAX_SAFE_INTEGER, "move-to")}
          >
            Move<span class="nhsuk-u-visually-hidden"> {name()}</span>
          </button>
        </div>
        <div class="linkwork-board-card__order">
          <button
            type="button"
            class="nhsuk-button nhsuk-button--secondary nhsuk-button--small linkwork-board-card__button"
            ref={(element) => {
              controls["move-up"] = element;
            }}
            disabled={locked() || props.place.index === 0}
            onClick={() => props.onMove(props.card.column, props.place.index - 1, "move-up")}
            aria-label={`Up: move ${name()} up`}
          >
            Up
          </button>
          <button
            type="button"
            class="nhsuk-button nhsuk-button--secondary nhsuk-button--small linkwork-board-card__button"
            ref={(element) => {
              controls["move-down"] = element;
            }}
            disabled={locked() || props.place.index >= props.place.count - 1}
            onClick={() => props.onMove(props.card.column, props.place.index + 1, "move-down")}
            aria-label={`Down: move ${name()} down`}
          >
            Down
          </button>
        </div>
      </Show>
      <button
        type="button"
        class="nhsuk-button nhsuk-button--small linkwork-board-card__button"
        aria-expanded={props.selected ? "true" : "false"}
        onClick={() => props.onOpen()}
      >
        {props.selected ? "Shown below" : "Open"}
        <span class="nhsuk-u-visually-hidden"> {name()}</span>
      </button>
    </li>
  );
}
