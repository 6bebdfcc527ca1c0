import type { ReferralStatus } from "../../referral/schema";

const dayFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "numeric",
  month: "long",
  year: "numeric",
});

/** "2026-12-01T09:30:00.000Z" reads as "1 December 2026", the day in England. */
export function dayOf(at: string): string {
  return dayFormat.format(new Date(at));
}

/** Where an open referral stands, as members would say it. */
export const standingOfStatus: Record<ReferralStatus, string> = {
  received: "waiting for triage",
  triaged: "triaged and waiting to be allocated",
  allocated: "allocated and waiting to be accepted",
  accepted: "accepted and waiting for a link worker",
  assigned: "with a link worker",
  active: "being supported by a link worker",
  closed: "closed",
  withdrawn: "withdrawn",
};
