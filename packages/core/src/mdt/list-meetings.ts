import type { UserActor } from "../actor";
import type { Context } from "../context";
import { loadMdtForViewer } from "./meeting-access";
import { toMeetingSummary } from "./meeting-view";
import type { MeetingSummary } from "./schema";

/**
 * The team's meetings without their agendas, for its members (and admins): the ones to come or
 * under way first, soonest first, then the ended ones, latest first.
 */
export async function listMeetings(
  context: Context,
  user: UserActor,
  mdtId: string,
): Promise<MeetingSummary[]> {
  const { mdt, relationships } = await loadMdtForViewer(context, user, mdtId);
  const found = await context.db.entities.meeting.query.byMdt({ mdtId }).go({ pages: "all" });
  const ascending = [...found.data].sort((left, right) => left.startsAt.localeCompare(right.startsAt));
  const ordered = [
    ...ascending.filter((meeting) => meeting.status !== "ended"),
    ...ascending.filter((meeting) => meeting.status === "ended").reverse(),
  ];
  return ordered.map((meeting) => toMeetingSummary(meeting, mdt, user, relationships));
}
