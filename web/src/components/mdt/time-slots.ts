import type { BoardColumn } from "@linkwork/core/mdt/schema";
import type { BoardCard } from "./board-arrangement";

export interface TimeSlot {
  /** Minutes from the meeting's start. */
  fromMinute: number;
  toMinute: number;
}

/** The running order: what has been decided, then what is on now, then what is next; deferred last. */
const runningOrder: readonly BoardColumn[] = ["decided", "discussing", "to_discuss", "deferred"];

/**
 * Each item's slot in the meeting: in running order and top to bottom within a column, each item
 * taking its own minutes after the one before.
 */
export function timeSlots(
  cards: readonly Pick<BoardCard, "id" | "slotMinutes" | "column">[],
): Map<string, TimeSlot> {
  const slots = new Map<string, TimeSlot>();
  let minute = 0;
  const ordered = runningOrder.flatMap((column) => cards.filter((card) => card.column === column));
  for (const card of ordered) {
    slots.set(card.id, { fromMinute: minute, toMinute: minute + card.slotMinutes });
    minute += card.slotMinutes;
  }
  return slots;
}

/** A number of seconds as a clock reads them: `7:05`, `1:02:30`. */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}
