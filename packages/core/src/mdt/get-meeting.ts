import type { UserActor } from "../actor";
import type { Context } from "../context";
import { loadMeetingAsMember } from "./meeting-access";
import type { Meeting } from "./schema";
import { showMeeting } from "./show-meeting";

/** A meeting and its board, for a member of its team (404 for anyone else), every person shown audited. */
export async function getMeeting(context: Context, user: UserActor, meetingId: string): Promise<Meeting> {
  const access = await loadMeetingAsMember(context, user, meetingId, "meeting.board.read");
  return showMeeting(context, user, access, "meeting.board.read");
}
