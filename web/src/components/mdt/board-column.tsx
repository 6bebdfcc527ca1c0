import type { BoardColumn } from "@linkwork/core/mdt/schema";
import { createDroppable } from "@thisbeyond/solid-dnd";
import { For, Show } from "solid-js";
import type { BoardCard } from "./board-arrangement";
import { BoardCardView } from "./board-card";
import { boardColumnLabels } from "./board-columns";
import type { CardControl, CardFocus } from "./card-focus";
import type { TimeSlot } from "./time-slots";

/** One column of the board, a drop target for cards dragged onto it. */
export function BoardColumnView(props: {
  column: BoardColumn;
  cards: BoardCard[];
  slots: Map<string, TimeSlot>;
  canMove: (card: BoardCard) => boolean;
  selectedItemId: string | undefined;
  focus: CardFocus;
  onMove: (card: BoardCard, column: BoardColumn, position: number, control: CardControl) => void;
  onOpen: (card: BoardCard) => void;
}) {
  const droppable = createDroppable(`column-${props.column}`, { kind: "column", column: props.column });
  const headingId = () => `board-column-${props.column}`;
  return (
    <section
      class="linkwork-board-column"
      classList={{ "linkwork-board-column--target": droppable.isActiveDroppable }}
      aria-labelledby={headingId()}
      ref={droppable.ref}
      data-column={props.column}
    >
      {/* Named whole: text hidden in a span would be read with stray spaces around it. */}
      <h3
        class="nhsuk-heading-s linkwork-board-column__heading"
        id={headingId()}
        aria-label={`${boardColumnLabels[props.column]} (${props.cards.length} ${props.cards.length === 1 ? "person" : "people"})`}
      >
        {boardColumnLabels[props.column]}{" "}
        <span class="nhsuk-u-secondary-text-colour">({props.cards.length})</span>
      </h3>
      <Show
        when={props.cards.length > 0}
        fallback={<p class="nhsuk-body-s linkwork-board-column__empty">No one</p>}
      >
        <ol class="nhsuk-list linkwork-board-column__cards" aria-labelledby={headingId()}>
          <For each={props.cards}>
            {(card, index) => (
              <BoardCardView
                card={card}
                place={{ index: index(), count: props.cards.length }}
                slot={props.slots.get(card.id)}
                canMove={props.canMove(card)}
                selected={props.selectedItemId === card.id}
                focus={props.focus}
                onMove={(column, position, control) => props.onMove(card, column, position, control)}
                onOpen={() => props.onOpen(card)}
              />
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
