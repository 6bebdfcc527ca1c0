import type { UserActor } from "../actor";
import type { Context } from "../context";
import type { Relationships } from "../policy/domain/relationships";
import { toAction } from "./actions-view";
import type { MeetingRecord } from "./records";
import type { Action } from "./schema";

/**
 * The team's actions still open from its other meetings, soonest due first: what the next agenda
 * follows up. Shown on a meeting to come or under way; an ended meeting's record has none.
 */
export async function openActionsForMeeting(
  context: Context,
  viewer: UserActor,
  meeting: Pick<MeetingRecord, "meetingId" | "mdtId" | "status">,
  relationships: Relationships,
): Promise<Action[]> {
  if (meeting.status === "ended") return [];
  const open = await context.db.entities.action.query
    .byMdt({ mdtId: meeting.mdtId, status: "open" })
    .go({ pages: "all" });
  return open.data
    .filter((action) => action.meetingId !== meeting.meetingId)
    .map((action) => toAction(action, viewer, relationships));
}
