import type { UserActor } from "../actor";
import type { Context } from "../context";
import { createEvent } from "../event/outbox";
import { ValidationFailed } from "../util/errors";
import { loadMeetingAsMember, refusalOnMeeting } from "./meeting-access";
import { commitMeetingChange } from "./meeting-write";
import { parseInput } from "./parse-input";
import { AttendanceUpdate, type Meeting } from "./schema";
import { showMeeting } from "./show-meeting";

/**
 * Records who is (or was) at the meeting, replacing the list: any member may, before, during or
 * after it, so absence is on record. Everyone named must be a member of the team.
 */
export async function recordAttendance(
  context: Context,
  user: UserActor,
  meetingId: string,
  input: unknown,
): Promise<Meeting> {
  const access = await loadMeetingAsMember(context, user, meetingId, "meeting.attendance");
  const { version, attendees } = parseInput(AttendanceUpdate, input);
  const refusal = refusalOnMeeting(user, access, "record_attendance");
  if (refusal) throw refusal;
  const members = new Set([access.mdt.chairUserId, ...access.mdt.memberUserIds]);
  const problems = attendees.flatMap((userId, index) =>
    members.has(userId)
      ? []
      : [{ path: `attendees.${index}`, message: `${userId} is not a member of the team` }],
  );
  if (problems.length > 0) throw ValidationFailed(problems);
  const present = [...new Set(attendees)];
  const now = context.clock.now();
  const updated = await commitMeetingChange(context, user, {
    meeting: access.meeting,
    expectedVersion: version,
    set: { attendees: present },
    event: createEvent("meeting.attendance_recorded", {
      actor: user,
      at: now,
      subject: { type: "meeting", id: meetingId },
      data: { mdtId: access.meeting.mdtId, attendees: present },
    }),
    audit: {
      action: "meeting.attendance",
      purpose: `Recorded attendance at a meeting of ${access.mdt.name}`,
    },
  });
  return showMeeting(context, user, { ...access, meeting: updated }, "meeting.attendance");
}
