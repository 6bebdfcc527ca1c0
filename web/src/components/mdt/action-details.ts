import type { Action } from "@linkwork/core/mdt/schema";

const ukCalendarDate = new Intl.DateTimeFormat("en-CA", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  timeZone: "Europe/London",
});

/** Today's date in the UK, as due dates are stored (`2026-12-18`). */
export function calendarDateToday(now = new Date()): string {
  return ukCalendarDate.format(now);
}

/** An open action is overdue once the day it was due has passed; a done one never is. */
export function isOverdue(action: Pick<Action, "status" | "dueOn">, today: string): boolean {
  return action.status === "open" && action.dueOn < today;
}

export interface KnownPerson {
  userId: string;
  name: string;
}

/** The named owner's name, when the action has one and they are among the people the page knows. */
export function ownerName(
  action: Pick<Action, "ownerUserId">,
  people: readonly KnownPerson[],
): string | undefined {
  if (!action.ownerUserId) return undefined;
  return people.find((person) => person.userId === action.ownerUserId)?.name;
}
