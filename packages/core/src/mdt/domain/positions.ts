/**
 * Order within a board column. Each item stores a sort key; a move writes only the moved item, with
 * a key between its new neighbours, so two members moving different cards never conflict.
 */
export interface Placed {
  itemId: string;
  position: number;
}

/** Items in their column's order: by key, ties (from concurrent appends) by id. */
export function inOrder<Item extends Placed>(items: readonly Item[]): Item[] {
  return [...items].sort(
    (left, right) => left.position - right.position || left.itemId.localeCompare(right.itemId),
  );
}

/** The key for a new item at the end of a column. */
export function endPosition(column: readonly Placed[]): number {
  return column.reduce((highest, item) => Math.max(highest, item.position + 1), 0);
}

/**
 * The key that puts an item at `index` among the column's other items (the moved one left out);
 * an index past the end is the end.
 */
export function positionAt(others: readonly Placed[], index: number): number {
  const ordered = inOrder(others);
  const at = Math.max(0, Math.min(index, ordered.length));
  const before = ordered[at - 1];
  const after = ordered[at];
  if (before && after) return (before.position + after.position) / 2;
  if (before) return before.position + 1;
  if (after) return after.position - 1;
  return 0;
}

/** Each item's index in its column, as the API shows it. */
export function indexesInColumn(items: readonly Placed[]): Map<string, number> {
  return new Map(inOrder(items).map((item, index) => [item.itemId, index]));
}
