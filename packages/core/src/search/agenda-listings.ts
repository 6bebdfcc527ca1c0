import type { UserActor } from "../actor";
import type { Context } from "../context";
import { accessUntilAfter, listingGivesAccess } from "../mdt/domain/meeting-rules";
import { mdtRelationships } from "../mdt/relationships";

/**
 * The referrals listed on meetings of the user's teams whose listing may still open the record:
 * the meeting is to come or under way, or ended less than 30 days ago. Only candidates: whether a
 * listing gives this user the record is decided per referral by its own listing (`agendaRelationship`)
 * and the policy. Read from the team's meetings, which name what they list (one query per team).
 */
export async function agendaListedReferralIds(context: Context, user: UserActor): Promise<Set<string>> {
  const { memberOf } = await mdtRelationships(context, user);
  if (memberOf.length === 0) return new Set();
  const now = context.clock.now();
  const meetings = await Promise.all(
    memberOf.map((membership) =>
      context.db.entities.meeting.query.byMdt({ mdtId: membership.mdtId }).go({ pages: "all" }),
    ),
  );
  const listed = new Set<string>();
  for (const meeting of meetings.flatMap((page) => page.data)) {
    const open = meeting.status !== "ended" || !meeting.endedAt;
    if (!open && !listingGivesAccess(accessUntilAfter(meeting.endedAt ?? ""), now)) continue;
    for (const referralId of meeting.listedReferralIds ?? []) listed.add(referralId);
  }
  return listed;
}
