/** What each event on a referral's timeline means to the people reading it. */
const timelineLabels: Record<string, string> = {
  "referral.received": "Referral received",
  "referral.triaged": "Referral triaged",
  "referral.allocated": "Allocated to an organisation",
  "referral.allocation_accepted": "Allocation accepted",
  "referral.accepted": "Allocation accepted",
  "referral.allocation_declined": "Allocation declined",
  "referral.declined": "Allocation declined",
  "referral.claimed": "Picked up by a link worker",
  "referral.assigned": "Picked up by a link worker",
  "referral.activated": "Support started",
  "referral.closed": "Referral closed",
  "referral.reopened": "Referral reopened",
  "referral.withdrawn": "Referral withdrawn",
};

/** Known events read as written; any other is shown from its name, e.g. `referral.sla_breached`. */
export function timelineLabel(type: string): string {
  const known = timelineLabels[type];
  if (known) return known;
  const action = (type.split(".").pop() ?? type).replace(/_/g, " ");
  return `Referral ${action}`;
}
