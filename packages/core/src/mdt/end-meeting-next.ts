import type { Context } from "../context";
import { followingMeetingId, type NextMeeting } from "./domain/rollover";
import type { MeetingRecord } from "./records";

/**
 * The team's next planned meeting after this one, with what is already on its agenda, if there
 * is one. The meeting an earlier attempt to end this one planned is read by its id as well: the
 * team's index of meetings may not show it yet.
 */
export async function nextPlannedMeeting(
  context: Context,
  meeting: MeetingRecord,
): Promise<NextMeeting | undefined> {
  const [later, planned] = await Promise.all([
    context.db.entities.meeting.query
      .byMdt({ mdtId: meeting.mdtId })
      .gt({ startsAt: meeting.startsAt })
      .where((attributes, { eq }) => eq(attributes.status, "planned"))
      .go({ pages: "all" }),
    context.db.entities.meeting
      .get({ meetingId: followingMeetingId(meeting.meetingId) })
      .go({ consistent: true }),
  ]);
  const next = [...later.data, ...(planned.data?.status === "planned" ? [planned.data] : [])]
    .filter((candidate) => candidate.meetingId !== meeting.meetingId)
    .sort(
      (left, right) =>
        left.startsAt.localeCompare(right.startsAt) || left.meetingId.localeCompare(right.meetingId),
    )[0];
  if (!next) return undefined;
  const agenda = await context.db.service.collections
    .meeting({ meetingId: next.meetingId })
    .go({ pages: "all", consistent: true });
  return {
    meetingId: next.meetingId,
    startsAt: next.startsAt,
    durationMinutes: next.durationMinutes,
    items: agenda.data.agendaItem.map((item) => ({
      itemId: item.itemId,
      referralId: item.referralId,
      column: item.column,
      position: item.position,
    })),
  };
}
