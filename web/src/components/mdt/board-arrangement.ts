import type { BoardColumn } from "@linkwork/core/mdt/schema";
import type { AgendaItem } from "../../queries/meeting";
import type { ItemMove } from "../../queries/meeting-item-move";
import { boardColumns } from "./board-columns";

/** A card as the board shows it: the server's item, with any move still in flight applied. */
export type BoardCard = AgendaItem & { moving: boolean };

/**
 * The board as it should look now: the server's snapshot, each column in position order, with the
 * user's unanswered moves replayed over it in the order they were made. The result is a flat list
 * (column by column) so the page can reconcile it by id and keep every card it did not move.
 */
export function arrangeBoard(items: readonly AgendaItem[], pending: readonly ItemMove[]): BoardCard[] {
  const columns = new Map<BoardColumn, BoardCard[]>(boardColumns.map((column) => [column, []]));
  const ordered = [...items].sort(
    (left, right) => left.position - right.position || left.id.localeCompare(right.id),
  );
  for (const item of ordered) columns.get(item.column)?.push({ ...item, moving: false });
  for (const move of pending) {
    let card: BoardCard | undefined;
    for (const cards of columns.values()) {
      const index = cards.findIndex((candidate) => candidate.id === move.itemId);
      if (index >= 0) [card] = cards.splice(index, 1);
    }
    const target = columns.get(move.column);
    if (!card || !target) continue;
    target.splice(Math.min(Math.max(0, move.position), target.length), 0, {
      ...card,
      column: move.column,
      moving: true,
    });
  }
  return boardColumns.flatMap((column) =>
    (columns.get(column) ?? []).map((card, position) => ({ ...card, position })),
  );
}
