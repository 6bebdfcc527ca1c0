import type { BoardColumn } from "@linkwork/core/mdt/schema";

/** The board's columns, left to right, as the meeting works through them. */
export const boardColumns: readonly BoardColumn[] = ["to_discuss", "discussing", "decided", "deferred"];

export const boardColumnLabels: Record<BoardColumn, string> = {
  to_discuss: "To discuss",
  discussing: "Discussing",
  decided: "Decided",
  deferred: "Deferred",
};

export function isBoardColumn(value: string): value is BoardColumn {
  return boardColumns.some((column) => column === value);
}
