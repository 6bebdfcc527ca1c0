import type { BoardColumn } from "@linkwork/core/mdt/schema";
import { DragDropProvider, DragDropSensors, type DragEvent } from "@thisbeyond/solid-dnd";
import { createEffect, createMemo, createSignal, For, Show } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { isApiError } from "../../api/api-error";
import type { Meeting } from "../../queries/meeting";
import { type ItemMove, useMoveItem, usePendingMoves } from "../../queries/meeting-item-move";
import { WarningCallout } from "../../ui/warning-callout";
import { arrangeBoard, type BoardCard } from "./board-arrangement";
import { cardOrColumnUnder } from "./board-collision";
import { BoardColumnView } from "./board-column";
import { boardColumnLabels, boardColumns } from "./board-columns";
import { type CardControl, createCardFocus } from "./card-focus";
import { personLabel } from "./person-label";
import { timeSlots } from "./time-slots";
import "./board.css";

/**
 * The live board: the agenda in four columns. The server's snapshot, with the user's own moves
 * still in flight replayed over it, is reconciled into one store by item id, so a refetch only
 * touches the cards that changed and nothing flickers. Every move is announced to screen readers.
 */
export function MeetingBoard(props: {
  meeting: Meeting;
  selectedItemId: string | undefined;
  onOpen: (itemId: string) => void;
}) {
  const pending = usePendingMoves(() => props.meeting.id);
  const [cards, setCards] = createStore<BoardCard[]>([]);
  const [announcement, setAnnouncement] = createSignal("");
  const [refusal, setRefusal] = createSignal<string>();
  const focus = createCardFocus();
  let columnsSeen = new Map<string, BoardColumn>();

  createEffect(() => {
    const arranged = arrangeBoard(props.meeting.items, pending());
    const moved = arranged.filter((card) => {
      const before = columnsSeen.get(card.id);
      return before !== undefined && before !== card.column && !card.moving;
    });
    setCards(reconcile(arranged, { key: "id" }));
    columnsSeen = new Map(arranged.map((card) => [card.id, card.column]));
    if (moved.length > 0) {
      setAnnouncement(
        moved
          .map((card) => `${personLabel(card.person)} is now in ${boardColumnLabels[card.column]}.`)
          .join(" "),
      );
    }
  });

  const nameOf = (itemId: string) => {
    const card = cards.find((candidate) => candidate.id === itemId);
    return card ? personLabel(card.person) : "this person";
  };
  const move = useMoveItem(() => props.meeting.id, {
    onError: (error, attempted) => {
      const name = nameOf(attempted.itemId);
      const message =
        isApiError(error) && error.status === 409
          ? `Someone else changed ${name}'s card before your move reached the board. The board now shows it as it is.`
          : `${name} could not be moved: ${error.message}`;
      setRefusal(message);
    },
  });

  const columnMemos = new Map(
    boardColumns.map((name) => [name, createMemo(() => cards.filter((card) => card.column === name))]),
  );
  const inColumn = (name: BoardColumn) => columnMemos.get(name)?.() ?? [];
  const slots = createMemo(() => timeSlots(cards));
  const mayMove = (card: BoardCard) =>
    props.meeting.status === "in_progress" && card.allowedActions.includes("move");

  const moveCard = (card: BoardCard, target: BoardColumn, position: number, control: CardControl) => {
    if (card.moving || !mayMove(card)) return;
    const others = inColumn(target).filter((other) => other.id !== card.id);
    const place = Math.min(Math.max(0, position), others.length);
    if (target === card.column && place === card.position) return;
    const attempt: ItemMove = { itemId: card.id, version: card.version, column: target, position: place };
    setRefusal(undefined);
    move.mutate(attempt);
    setAnnouncement(
      `Moved ${personLabel(card.person)} to ${boardColumnLabels[target]}, ${place + 1} of ${others.length + 1}.`,
    );
    focus.ask(card.id, control);
  };

  const onDragEnd = ({ draggable, droppable }: DragEvent) => {
    if (!droppable) return;
    const card = cards.find((candidate) => candidate.id === draggable.data.itemId);
    if (!card) return;
    if (droppable.data.kind === "column") {
      const target = boardColumns.find((name) => name === droppable.data.column);
      if (target) moveCard(card, target, Number.MAX_SAFE_INTEGER, "card");
      return;
    }
    const over = cards.find((candidate) => candidate.id === droppable.data.itemId);
    if (!over || over.id === card.id) return;
    const targetCards = inColumn(over.column).filter((other) => other.id !== card.id);
    moveCard(
      card,
      over.column,
      targetCards.findIndex((other) => other.id === over.id),
      "card",
    );
  };

  return (
    <section aria-labelledby="board-heading" class="linkwork-board-section">
      <h2 class="nhsuk-heading-m" id="board-heading">
        Board
      </h2>
      <p class="nhsuk-body-s nhsuk-u-secondary-text-colour" id="board-help">
        Drag a card by the person's name, or use its "Move to" list and the Up and Down buttons.
      </p>
      <Show when={refusal()}>
        {(message) => (
          <div role="alert" data-testid="move-refused">
            <WarningCallout heading="The board has changed">
              <p>{message()}</p>
            </WarningCallout>
          </div>
        )}
      </Show>
      <div
        class="nhsuk-u-visually-hidden"
        aria-live="polite"
        aria-atomic="true"
        data-testid="board-announcer"
      >
        {announcement()}
      </div>
      <DragDropProvider onDragEnd={onDragEnd} collisionDetector={cardOrColumnUnder}>
        <DragDropSensors />
        <div class="linkwork-board" data-testid="board">
          <For each={boardColumns}>
            {(name) => (
              <BoardColumnView
                column={name}
                cards={inColumn(name)}
                slots={slots()}
                canMove={mayMove}
                selectedItemId={props.selectedItemId}
                focus={focus}
                onMove={moveCard}
                onOpen={(card) => props.onOpen(card.id)}
              />
            )}
          </For>
        </div>
      </DragDropProvider>
    </section>
  );
}
