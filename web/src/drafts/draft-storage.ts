/**
 * Half-filled forms, kept in this browser tab's sessionStorage so a reload loses nothing. Each is
 * keyed by the user, the referral and the form, so one person's notes never fill another's form.
 */
const prefix = "linkwork.draft.";

export interface DraftAddress {
  userId: string;
  referralId: string;
  form: string;
}

export const draftKey = (address: DraftAddress) =>
  `${prefix}${encodeURIComponent(address.userId)}.${encodeURIComponent(address.referralId)}.${address.form}`;

/** The stored draft as parsed JSON, or undefined when there is none or it cannot be read. */
export function readDraft(address: DraftAddress): unknown {
  try {
    const stored = sessionStorage.getItem(draftKey(address));
    return stored === null ? undefined : JSON.parse(stored);
  } catch {
    return undefined;
  }
}

export function writeDraft(address: DraftAddress, values: unknown): void {
  try {
    sessionStorage.setItem(draftKey(address), JSON.stringify(values));
  } catch {
    // Storage full or turned off: the form still works, it just cannot survive a reload.
  }
}

export function clearDraft(address: DraftAddress): void {
  sessionStorage.removeItem(draftKey(address));
}

/** Every draft in this tab, for everyone: called on sign-out, so nothing typed outlives the session. */
export function clearAllDrafts(): void {
  const keys = Array.from({ length: sessionStorage.length }, (_, index) => sessionStorage.key(index));
  for (const key of keys) {
    if (key?.startsWith(prefix)) sessionStorage.removeItem(key);
  }
}
