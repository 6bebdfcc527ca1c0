/** The page for correcting a person's record, returning to the referral it was opened from. */
export function personRecordHref(personId: string, referralId: string | undefined): string {
  const path = `/people/${encodeURIComponent(personId)}/edit`;
  return referralId ? `${path}?referral=${encodeURIComponent(referralId)}` : path;
}

export function referralHref(referralId: string): string {
  return `/referrals/${encodeURIComponent(referralId)}`;
}
