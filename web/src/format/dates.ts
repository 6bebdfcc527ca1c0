const timeZone = "Europe/London";

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone,
});
const shortDateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone,
});
const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone });

/** A calendar date as stored (`1950-07-31`), shown as "31 July 1950". */
export function formatCalendarDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T12:00:00Z`));
}

export function formatShortCalendarDate(isoDate: string): string {
  return shortDateFormat.format(new Date(`${isoDate}T12:00:00Z`));
}

/** An instant, shown in UK time: "3 June 2025 at 10:04". */
export function formatDateTime(isoInstant: string): string {
  const instant = new Date(isoInstant);
  return `${dateFormat.format(instant)} at ${timeFormat.format(instant)}`;
}

/** The same, shorter, for tables: "3 Jun 2025, 10:04". */
export function formatShortDateTime(isoInstant: string): string {
  const instant = new Date(isoInstant);
  return `${shortDateFormat.format(instant)}, ${timeFormat.format(instant)}`;
}

export function ageInYears(isoDate: string, now = new Date()): number {
  const [year = 0, month = 1, day = 1] = isoDate.split("-").map(Number);
  let age = now.getFullYear() - year;
  const birthdayPassed = now.getMonth() + 1 > month || (now.getMonth() + 1 === month && now.getDate() >= day);
  if (!birthdayPassed) age -= 1;
  return age;
}

/** Whole days since an instant, for "waiting N days" on the queues. */
export function daysSince(isoInstant: string, now = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(isoInstant).getTime()) / 86_400_000));
}

export function describeWait(isoInstant: string, now = new Date()): string {
  const days = daysSince(isoInstant, now);
  if (days === 0) return "Waiting less than a day";
  return days === 1 ? "Waiting 1 day" : `Waiting ${days} days`;
}
