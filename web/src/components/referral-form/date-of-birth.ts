import type { DatePart, DateParts } from "../../ui/date-input";

export type DateReading = { ok: true; isoDate: string } | { ok: false; message: string; parts: DatePart[] };

const names: Record<DatePart, string> = { day: "a day", month: "a month", year: "a year" };

/**
 * Reads the three boxes as a `YYYY-MM-DD` date. Only what the boxes themselves get wrong is
 * reported here (missing or non-numeric parts, a short year); whether the date is real, in the
 * past and plausible is left to the shared schema, so those messages match the API's.
 */
export function readDateOfBirth(
  parts: DateParts,
  whenEmpty = "Enter the person's date of birth",
): DateReading {
  const trimmed = { day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() };
  const missing = (Object.keys(trimmed) as DatePart[]).filter((part) => trimmed[part] === "");
  if (missing.length === 3) return { ok: false, message: whenEmpty, parts: [] };
  if (missing.length > 0) {
    const list = missing.map((part) => names[part]).join(" and ");
    return { ok: false, message: `Date of birth must include ${list}`, parts: missing };
  }
  const notNumbers = (Object.keys(trimmed) as DatePart[]).filter((part) => !/^\d+$/.test(trimmed[part]));
  if (notNumbers.length > 0) {
    return { ok: false, message: "Date of birth must be a real date, in numbers", parts: notNumbers };
  }
  if (trimmed.year.length !== 4) {
    return { ok: false, message: "Year must include 4 numbers", parts: ["year"] };
  }
  if (trimmed.day.length > 2 || trimmed.month.length > 2) {
    return { ok: false, message: "Date of birth must be a real date", parts: [] };
  }
  const isoDate = `${trimmed.year}-${trimmed.month.padStart(2, "0")}-${trimmed.day.padStart(2, "0")}`;
  return { ok: true, isoDate };
}
