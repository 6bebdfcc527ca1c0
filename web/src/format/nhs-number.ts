/** NHS numbers are read out and written in three groups: 943 476 5919. */
export function formatNhsNumber(digits: string): string {
  const compact = digits.replace(/\s/g, "");
  if (!/^\d{10}$/.test(compact)) return digits;
  return `${compact.slice(0, 3)} ${compact.slice(3, 6)} ${compact.slice(6)}`;
}
