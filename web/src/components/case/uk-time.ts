/**
 * Dates and times as a link worker in England reads and types them: UK wall-clock time, whatever
 * the device's own time zone, turned into the instant the API stores.
 */
const timeZone = "Europe/London";

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});

export interface UkDateTime {
  day: string;
  month: string;
  year: string;
  /** "14:05" */
  time: string;
}

function wallClock(instant: Date) {
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/** Now (or any instant) as the boxes of the form show it, in UK time. */
export function ukDateTimeOf(instant: Date): UkDateTime {
  const clock = wallClock(instant);
  return {
    day: String(clock.day),
    month: String(clock.month),
    year: String(clock.year),
    time: `${String(clock.hour).padStart(2, "0")}:${String(clock.minute).padStart(2, "0")}`,
  };
}

/** Today's date in the UK, `YYYY-MM-DD`. */
export function ukToday(now = new Date()): string {
  const clock = wallClock(now);
  return `${clock.year}-${String(clock.month).padStart(2, "0")}-${String(clock.day).padStart(2, "0")}`;
}

export type UkDateTimeProblem = "date" | "time";

/**
 * The instant a UK date and time name, or which part is not a real date or time. In the hour the
 * clocks go back, the earlier of the two moments is taken; a time skipped when they go forward is
 * moved on by the hour, as a clock would show it.
 */
export function instantOf(value: UkDateTime): { instant: Date } | { problem: UkDateTimeProblem } {
  const [day, month, year] = [value.day, value.month, value.year].map((part) => part.trim());
  if (!/^\d{1,2}$/.test(day ?? "") || !/^\d{1,2}$/.test(month ?? "") || !/^\d{4}$/.test(year ?? "")) {
    return { problem: "date" };
  }
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (
    calendar.getUTCFullYear() !== Number(year) ||
    calendar.getUTCMonth() !== Number(month) - 1 ||
    calendar.getUTCDate() !== Number(day)
  ) {
    return { problem: "date" };
  }
  const time = /^(\d{1,2})[:.](\d{2})$/.exec(value.time.trim());
  const hour = Number(time?.[1]);
  const minute = Number(time?.[2]);
  if (!time || hour > 23 || minute > 59) return { problem: "time" };

  const asIfUtc = Date.UTC(Number(year), Number(month) - 1, Number(day), hour, minute);
  const offsetAt = (instant: number) => {
    const clock = wallClock(new Date(instant));
    return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute) - instant;
  };
  // The UK is UTC or an hour ahead: try summer time first, so a repeated hour reads as its first.
  const summer = asIfUtc - 3_600_000;
  if (offsetAt(summer) === 3_600_000) return { instant: new Date(summer) };
  // Winter time, or a time the clocks skipped, which reads as an hour later.
  return { instant: new Date(asIfUtc) };
}
