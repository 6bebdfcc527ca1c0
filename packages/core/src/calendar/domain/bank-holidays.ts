/**
 * Bank holidays in England and Wales, worked out from the rules rather than listed, so the
 * calendar never runs out; one-off changes by royal proclamation are listed as exceptions.
 */
const moved: Record<string, string> = {
  "2020-05-04": "2020-05-08", // Early May bank holiday moved for VE Day
  "2022-05-30": "2022-06-02", // Spring bank holiday moved for the Platinum Jubilee
};
const extra = new Set(["2022-06-03", "2022-09-19", "2023-05-08"]);

const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

function weekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Easter Sunday (Anonymous Gregorian algorithm). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

function shiftDays(date: string, days: number): string {
  const shifted = new Date(`${date}T00:00:00Z`);
  shifted.setUTCDate(shifted.getUTCDate() + days);
  return shifted.toISOString().slice(0, 10);
}

function firstMonday(year: number, month: number): string {
  const offset = (8 - weekday(year, month, 1)) % 7;
  return iso(year, month, 1 + offset);
}

function lastMonday(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const offset = (weekday(year, month, last) + 6) % 7;
  return iso(year, month, last - offset);
}

export function bankHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const easterDate = iso(year, easter.month, easter.day);
  const newYear = weekday(year, 1, 1);
  const newYearHoliday = iso(year, 1, newYear === 6 ? 3 : newYear === 0 ? 2 : 1);
  const christmas = weekday(year, 12, 25);
  // Christmas on Saturday: Monday 27 and Tuesday 28; on Sunday: Boxing Day Monday 26, Christmas Tuesday 27;
  // Boxing Day on Saturday (Christmas on Friday): Monday 28.
  const christmasHolidays =
    christmas === 6
      ? [iso(year, 12, 27), iso(year, 12, 28)]
      : christmas === 0
        ? [iso(year, 12, 26), iso(year, 12, 27)]
        : christmas === 5
          ? [iso(year, 12, 25), iso(year, 12, 28)]
          : [iso(year, 12, 25), iso(year, 12, 26)];
  const rules = [
    newYearHoliday,
    shiftDays(easterDate, -2),
    shiftDays(easterDate, 1),
    firstMonday(year, 5),
    lastMonday(year, 5),
    lastMonday(year, 8),
    ...christmasHolidays,
  ].map((date) => moved[date] ?? date);
  return [...rules, ...[...extra].filter((date) => date.startsWith(`${year}-`))].sort();
}
