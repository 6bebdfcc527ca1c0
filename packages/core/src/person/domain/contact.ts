/** A UK phone number as digits in national form: "+44 7700 900982" and "07700900982" agree. */
export function normalisePhone(value: string): string {
  const digits = value.replace(/\D/g, "");
  return digits.startsWith("44") && digits.length > 10 ? `0${digits.slice(2)}` : digits;
}

export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}
