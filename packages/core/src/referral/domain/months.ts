/**
 * Linkwork holds no referral received before this month, so a walk back through the monthly
 * partitions of the received-order index stops here. A migration that imports older referrals
 * moves it back (see docs/migrations.md).
 */
export const firstMonthOfRecords = "2025-01";

/** `YYYY-MM` of an instant, in UTC as every stored timestamp is. */
export function monthOf(instant: Date | string): string {
  return (typeof instant === "string" ? instant : instant.toISOString()).slice(0, 7);
}

/** The month before a `YYYY-MM` month. */
export function previousMonth(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  return monthNumber === 1 ? `${year - 1}-12` : `${year}-${String(monthNumber - 1).padStart(2, "0")}`;
}
