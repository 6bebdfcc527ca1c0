import { newIdempotencyKey } from "../referral-form/idempotency-key";

/**
 * One Idempotency-Key per set of answers sent. Sending the same answers again (after a lost
 * answer, a network error or a double click) reuses the key, so the person gets their first
 * reference rather than a second referral; changed answers are a new submission with a new key.
 */
export function createSubmissionKeys(newKey: () => string = newIdempotencyKey) {
  let last: { answers: string; key: string } | undefined;
  return {
    keyFor(body: unknown): string {
      const answers = JSON.stringify(body);
      if (last?.answers !== answers) last = { answers, key: newKey() };
      return last.key;
    },
  };
}
