import type { UserActor } from "../actor";
import type { Context } from "../context";
import type { Relationships } from "../policy/domain/relationships";
import { toAction } from "./actions-view";
import type { MeetingRecord } from "./records";
import type { Action } from "./schema";

/** As many open actions as one agenda can sensibly follow up. */
export const openActionsShown = 100;

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
  // Soonest due first (the index's order); a team with more open than a meeting can follow up
  // sees the first of them, and every owner still has theirs on "My actions".
  const open = await context.db.entities.action.query
    .byMdt({ mdtId: meeting.mdtId, status: "open" })
    .go({ limit: openActionsShown });
  return open.data
    .filter((action) => action.meetingId !== meeting.meetingId)
    .map((action) => toAction(action, viewer, relationships));
}
