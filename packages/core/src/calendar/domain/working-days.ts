import { bankHolidays } from "./bank-holidays";

export const serviceTimeZone = "Europe/London";

const londonDateFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: serviceTimeZone,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const londonOffsetFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: serviceTimeZone,
  timeZoneName: "longOffset",
});

/** The calendar date (YYYY-MM-DD) in England at this instant. */
export function londonDate(instant: Date): string {
  return londonDateFormat.format(instant);
}

function londonOffsetMinutes(instant: Date): number {
  const name =
    londonOffsetFormat.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/** The last millisecond of a calendar day in England, whatever the clocks are doing. */
export function endOfLondonDay(date: string): Date {
  const nextMidnightUtc = Date.parse(`${date}T00:00:00Z`) + 24 * 60 * 60 * 1000;
  let instant = nextMidnightUtc;
  for (let pass = 0; pass < 2; pass++) {
    instant = nextMidnightUtc - londonOffsetMinutes(new Date(instant)) * 60 * 1000;
  }
  return new Date(instant - 1);
}

export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
}

/** Monday to Friday, except England and Wales bank holidays and any local closure days. */
export function englandAndWalesCalendar(closures: readonly string[] = []): WorkingCalendar {
  const cache = new Map<number, Set<string>>();
  const closed = new Set(closures);
  return {
    isWorkingDay(date) {
      const day = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (day === 0 || day === 6 || closed.has(date)) return false;
      const year = Number(date.slice(0, 4));
      if (!cache.has(year)) cache.set(year, new Set(bankHolidays(year)));
      return !cache.get(year)?.has(date);
    },
  };
}

/**
 * When something started at `start` is due if it must happen within `days` working days: the end
 * of the `days`-th working day after the day it started (in England). Started on a weekend or
 * holiday, the count begins with the next working day.
 */
export function addWorkingDays(start: Date, days: number, calendar: WorkingCalendar): Date {
  let date = londonDate(start);
  let counted = 0;
  while (counted < days) {
    const next = new Date(`${date}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    date = next.toISOString().slice(0, 10);
    if (calendar.isWorkingDay(date)) counted++;
  }
  return endOfLondonDay(date);
}

/** Whole working days from `start` to `end` (for "waiting N working days" on queues). */
export function workingDaysBetween(start: Date, end: Date, calendar: WorkingCalendar): number {
  let date = londonDate(start);
  const last = londonDate(end);
  let count = 0;
  while (date < last) {
    const next = new Date(`${date}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    date = next.toISOString().slice(0, 10);
    if (calendar.isWorkingDay(date)) count++;
  }
  return count;
}
