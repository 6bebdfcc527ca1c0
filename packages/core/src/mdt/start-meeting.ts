import type { UserActor } from "../actor";
import type { Context } from "../context";
import { createEvent } from "../event/outbox";
import { VersionConflict } from "../util/errors";
import { loadMeetingAsMember, refusalOnMeeting } from "./meeting-access";
import { commitMeetingChange } from "./meeting-write";
import { parseInput } from "./parse-input";
import { type Meeting, MeetingVersion } from "./schema";
import { showMeeting } from "./show-meeting";

/** The chair opens the meeting: planned becomes in progress, early if they like. */
export async function startMeeting(
  context: Context,
  user: UserActor,
  meetingId: string,
  input: unknown,
): Promise<Meeting> {
  const access = await loadMeetingAsMember(context, user, meetingId, "meeting.start");
  const { version } = parseInput(MeetingVersion, input);
  const { meeting } = access;
  const refusal = refusalOnMeeting(user, access, "start");
  // Only the chair ever starts it; for the chair, a stale version says more than the state it is stale about.
  if (refusal?.code === "forbidden") throw refusal;
  if (meeting.version !== version) throw VersionConflict(meeting.version);
  if (refusal) throw refusal;
  const now = context.clock.now();
  const updated = await commitMeetingChange(context, user, {
    meeting,
    expectedVersion: version,
    set: { status: "in_progress", startedAt: now.toISOString() },
    event: createEvent("meeting.started", {
      actor: user,
      at: now,
      subject: { type: "meeting", id: meetingId },
      data: { mdtId: meeting.mdtId },
    }),
    audit: { action: "meeting.start", purpose: `Started a meeting of ${access.mdt.name}` },
  });
  return showMeeting(context, user, { ...access, meeting: updated }, "meeting.start");
}
