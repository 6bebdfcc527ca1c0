import type { ContactOutcome } from "../vocabulary";

/** How far ahead of the server's clock a device's clock may run before "now" counts as the future. */
export const clockSkewMilliseconds = 60_000;

export interface ContactTiming {
  at: Date;
  now: Date;
  receivedAt: Date;
}

/** Why a contact cannot have happened when it says, or undefined if it could. */
export function contactTimeProblem({ at, now, receivedAt }: ContactTiming): string | undefined {
  if (at.getTime() > now.getTime() + clockSkewMilliseconds) {
    return "A contact cannot be in the future: enter when it happened";
  }
  if (at.getTime() < receivedAt.getTime()) {
    return "A contact cannot be before the referral was received";
  }
  return undefined;
}

export interface ContactCounts {
  /** Consecutive failed attempts since the last contact made. */
  failedAttempts: number;
  contactCount: number;
}

/** A contact as the counts need it: when it happened and how it went. */
export interface ContactAttempt {
  at: string;
  outcome: ContactOutcome;
}

/**
 * The counts over every contact on the case, in the order they happened (not the order they were
 * written up): the failed attempts are those after the latest contact made, so a call made
 * yesterday and logged today does not wipe out this morning's unanswered ones.
 */
export function countsOf(contacts: readonly ContactAttempt[]): ContactCounts {
  const lastMade = contacts
    .filter((contact) => contact.outcome === "made_contact")
    .reduce<number | undefined>((latest, contact) => {
      const time = Date.parse(contact.at);
      return latest === undefined || time > latest ? time : latest;
    }, undefined);
  return {
    failedAttempts: contacts.filter(
      (contact) =>
        contact.outcome !== "made_contact" && (lastMade === undefined || Date.parse(contact.at) > lastMade),
    ).length,
    contactCount: contacts.length,
  };
}

/** Whether to offer closing as unable to contact: the area's number of failed attempts is reached. */
export function promptsUnableToContact(
  failedAttempts: number,
  threshold: number,
  caseOpen: boolean,
): boolean {
  return caseOpen && failedAttempts >= threshold;
}
