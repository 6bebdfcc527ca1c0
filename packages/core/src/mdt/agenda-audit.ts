import type { UserActor } from "../actor";
import { type AuditInput, recordAudit } from "../audit/record";
import type { Context } from "../context";
import type { MeetingAccess } from "./meeting-access";

/**
 * The audit entries for opening people from a meeting's board: one per person shown, on their
 * referral (so a person's access history is in one place), saying which team's meeting and why.
 */
export function agendaAudit(
  user: UserActor,
  access: Pick<MeetingAccess, "meeting" | "mdt">,
  referralIds: readonly string[],
  action: string,
  purpose: string,
  at: Date,
): AuditInput[] {
  const meeting = `${access.mdt.name} meeting of ${access.meeting.startsAt.slice(0, 10)} (${access.meeting.meetingId})`;
  return [...new Set(referralIds)].map((referralId) => ({
    actor: user,
    action,
    subjectType: "referral",
    subjectId: referralId,
    purpose: `${purpose}: ${meeting}`,
    outcome: "granted",
    at,
  }));
}

/** Records everyone on the meeting's agenda as shown, for an answer that carries the whole board. */
export function auditWholeAgenda(
  context: Context,
  user: UserActor,
  access: Pick<MeetingAccess, "meeting" | "mdt" | "items">,
  action: string,
  purpose: string,
  at: Date,
): Promise<void> {
  const referralIds = access.items.map((item) => item.referralId);
  return recordAudit(context, agendaAudit(user, access, referralIds, action, purpose, at));
}
