import * as z from "zod";

/**
 * What each kind of subject can have done to it, by name. A response's `allowedActions` lists the
 * ones the caller may do now, so the web shows those and no others.
 */
export const ReferralAction = z.enum([
  "triage",
  "signpost",
  "allocate",
  "accept",
  "decline",
  "claim",
  "record_first_contact",
  "assign",
  "reassign",
  "return_to_triage",
  "close",
  "reopen",
  "withdraw",
  // The case beside the referral: open it, and the writes that may be made to it now.
  "read_case",
  "record_contact",
  "update_plan",
  "record_measure",
  "record_connection",
  "escalate",
  // The message back to the GP and referrer, once the case is closed.
  "read_message_back",
]);
export type ReferralAction = z.infer<typeof ReferralAction>;

/**
 * What can be done to the case record beside a referral (its contacts, plan, measures,
 * connections and escalations); the case's `allowedActions` lists those allowed now.
 */
export const CaseAction = z.enum([
  "record_contact",
  "update_plan",
  "record_measure",
  "record_connection",
  "escalate",
  "resolve_escalation",
  "close",
  "reopen",
]);
export type CaseAction = z.infer<typeof CaseAction>;

export const MdtAction = z.enum(["plan_meeting"]);
export type MdtAction = z.infer<typeof MdtAction>;

export const MeetingAction = z.enum(["start", "end", "add_item", "record_attendance"]);
export type MeetingAction = z.infer<typeof MeetingAction>;

export const AgendaItemAction = z.enum(["move", "edit_sbar", "record_outcome"]);
export type AgendaItemAction = z.infer<typeof AgendaItemAction>;

/** What can be done to an action agreed at a meeting. */
export const ActionItemAction = z.enum(["complete"]);
export type ActionItemAction = z.infer<typeof ActionItemAction>;
