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
  "close",
  "reopen",
  "withdraw",
]);
export type ReferralAction = z.infer<typeof ReferralAction>;

export const MdtAction = z.enum(["plan_meeting"]);
export type MdtAction = z.infer<typeof MdtAction>;

export const MeetingAction = z.enum(["start", "end", "add_item", "record_attendance"]);
export type MeetingAction = z.infer<typeof MeetingAction>;

export const AgendaItemAction = z.enum(["move", "edit_sbar", "record_outcome"]);
export type AgendaItemAction = z.infer<typeof AgendaItemAction>;

/** What can be done to an action agreed at a meeting. */
export const ActionItemAction = z.enum(["complete"]);
export type ActionItemAction = z.infer<typeof ActionItemAction>;
