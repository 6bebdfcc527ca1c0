import type { Referral } from "@linkwork/core/referral/schema";
import type { ReferralConflict } from "../../api/referral-conflict";
import { closureReasonLabels, statusLabels } from "../../labels/referral-labels";

export interface ConflictMessage {
  heading: string;
  body: string;
}

/** Where the referral has got to, in words: "Allocated to Community Connect". */
export function describeState(
  referral: Referral,
  organisationName: (organisationId: string | undefined) => string | undefined,
): string {
  const organisation = organisationName(referral.organisationId) ?? "another organisation";
  switch (referral.status) {
    case "received":
      return "Received, waiting for triage";
    case "triaged":
      return "Triaged, waiting to be allocated";
    case "allocated":
      return `Allocated to ${organisation}`;
    case "accepted":
      return `Accepted by ${organisation}, waiting for a link worker`;
    case "assigned":
    case "active":
      return `With a link worker at ${organisation}`;
    case "closed":
      return referral.closureReason
        ? `Closed: ${closureReasonLabels[referral.closureReason]}`
        : statusLabels.closed;
    case "withdrawn":
      return statusLabels.withdrawn;
  }
}

/**
 * What to tell someone whose change lost a race, in plain words: who got there first when that is
 * the point (a claim), a full caseload, or what the referral is now, read after the refusal.
 */
export function describeConflict(
  conflict: ReferralConflict,
  organisationName: (organisationId: string | undefined) => string | undefined,
  myUserId?: string,
): ConflictMessage {
  if (conflict.code === "already_claimed" && myUserId && conflict.latest?.assignedTo === myUserId) {
    return {
      heading: "You have already picked this up",
      body: "This referral is already on your caseload, perhaps from another tab or window.",
    };
  }
  if (conflict.code === "already_claimed") {
    return {
      heading: "Another link worker picked this up",
      body: "Another link worker picked up this referral before you. It is on their caseload now, so it is no longer waiting to be picked up.",
    };
  }
  if (conflict.code === "capacity_reached") {
    return {
      heading: "Your caseload is full",
      body: "You cannot pick up anyone else until one of your cases closes or your manager raises your caseload limit. The referral is still waiting for a link worker.",
    };
  }
  const latest = conflict.latest;
  const opening = "Someone else changed this referral while you were looking";
  if (!latest) {
    return {
      heading: "This referral has changed",
      body: `${opening}: it has moved on and you can no longer see it.`,
    };
  }
  return {
    heading: "This referral has changed",
    body: `${opening}: it is now ${describeState(latest, organisationName)}.`,
  };
}
