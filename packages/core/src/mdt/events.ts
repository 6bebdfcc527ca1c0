// zod/mini, not classic zod: the relay and every subscriber parse events, and stay small.
import * as z from "zod/mini";

const column = z.enum(["to_discuss", "discussing", "decided", "deferred"]);
const actionSummary = z.object({
  actionId: z.string(),
  description: z.string(),
  ownerOrganisationId: z.string(),
  ownerUserId: z.optional(z.string()),
  dueOn: z.string(),
});

/**
 * Events about MDTs, their meetings and the actions agreed in them. Subjects: the team (`mdt`),
 * the meeting (`meeting`, for everything on its board) and the action (`action`). Like referral
 * events they carry ids and the professionals' own words, never a person's identifying details.
 */
export const mdtEvents = {
  "mdt.created": z.object({ name: z.string(), chairUserId: z.string(), memberCount: z.int() }),
  "meeting.planned": z.object({
    mdtId: z.string(),
    startsAt: z.string(),
    durationMinutes: z.int(),
    /** Set when the meeting was created by ending the one before it. */
    rolledFrom: z.optional(z.string()),
  }),
  "meeting.started": z.object({ mdtId: z.string() }),
  "meeting.ended": z.object({
    mdtId: z.string(),
    decided: z.int(),
    rolledOver: z.int(),
    nextMeetingId: z.optional(z.string()),
  }),
  "meeting.attendance_recorded": z.object({ mdtId: z.string(), attendees: z.array(z.string()) }),
  "meeting.item_listed": z.object({
    mdtId: z.string(),
    itemId: z.string(),
    referralId: z.string(),
    rolledFrom: z.optional(z.string()),
  }),
  "meeting.item_updated": z.object({
    mdtId: z.string(),
    itemId: z.string(),
    referralId: z.string(),
    column: z.optional(column),
    position: z.optional(z.int()),
    sbarChanged: z.optional(z.boolean()),
  }),
  "meeting.outcome_recorded": z.object({
    mdtId: z.string(),
    itemId: z.string(),
    referralId: z.string(),
    actions: z.array(actionSummary),
  }),
  "meeting.item_rolled_over": z.object({
    mdtId: z.string(),
    itemId: z.string(),
    referralId: z.string(),
    toMeetingId: z.string(),
    toItemId: z.string(),
    reason: z.string(),
  }),
  "action.completed": z.object({ mdtId: z.string(), meetingId: z.string(), referralId: z.string() }),
};

/** On the referral's own timeline (so the referrer reads it): what the MDT decided for this person. */
export const mdtReferralEvents = {
  "referral.discussed_at_mdt": z.object({
    meetingId: z.string(),
    mdtId: z.string(),
    mdtName: z.string(),
    decision: z.optional(z.string()),
    actions: z.array(actionSummary),
    rolledTo: z.optional(z.string()),
  }),
};
