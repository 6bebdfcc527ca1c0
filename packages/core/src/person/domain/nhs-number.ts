/**
 * NHS number check (Modulus 11): weights 10..2 on the first nine digits, remainder of the sum
 * divided by 11, check digit = 11 - remainder; 11 becomes 0 and 10 means the number is invalid.
 */
export function normaliseNhsNumber(input: string): string {
  return input.replace(/[\s-]/g, "");
}

export function nhsCheckDigit(firstNineDigits: string): number | undefined {
  if (!/^\d{9}$/.test(firstNineDigits)) return undefined;
  let sum = 0;
  for (let index = 0; index < 9; index++) {
    sum += Number(firstNineDigits[index]) * (10 - index);
  }
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return undefined;
  return check;
}

export function isValidNhsNumber(input: string): boolean {
  const digits = normaliseNhsNumber(input);
  if (!/^\d{10}$/.test(digits)) return false;
  const check = nhsCheckDigit(digits.slice(0, 9));
  return check !== undefined && check === Number(digits[9]);
}

export function formatNhsNumber(digits: string): string {
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

/**
 * A valid NHS number from the 999 range, which is never issued to a real person and is kept for
 * test and demonstration data: the first valid one at or after `serial` (0 to 999 999).
 */
export function testRangeNhsNumber(serial: number): string {
  for (let offset = 0; ; offset++) {
    const firstNine = `999${String((serial + offset) % 1_000_000).padStart(6, "0")}`;
    const check = nhsCheckDigit(firstNine);
    if (check !== undefined) return `${firstNine}${check}`;
  }
}
