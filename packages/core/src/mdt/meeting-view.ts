import type { Context } from "../context";
import { meetingPolicy } from "../policy/domain/meeting-policy";
import type { PolicyActor, Relationships } from "../policy/domain/relationships";
import { viewAgendaItems } from "./item-view";
import type { MeetingAccess } from "./meeting-access";
import { openActionsForMeeting } from "./open-actions";
import type { MdtRecord, MeetingRecord } from "./records";
import { BoardColumn, type Meeting, type MeetingSummary } from "./schema";
import type { AgendaViewer } from "./viewer";

/** A meeting without its agenda: all an admin, or a list of the team's meetings, shows. */
export function toMeetingSummary(
  meeting: MeetingRecord,
  mdt: Pick<MdtRecord, "name">,
  actor: PolicyActor,
  relationships: Relationships,
): MeetingSummary {
  return {
    id: meeting.meetingId,
    mdtId: meeting.mdtId,
    mdtName: mdt.name,
    startsAt: meeting.startsAt,
    durationMinutes: meeting.durationMinutes,
    status: meeting.status,
    version: meeting.version,
    attendees: meeting.attendees,
    ...(meeting.startedAt ? { startedAt: meeting.startedAt } : {}),
    ...(meeting.endedAt ? { endedAt: meeting.endedAt } : {}),
    allowedActions: meetingPolicy(
      actor,
      { mdtId: meeting.mdtId, status: meeting.status, version: meeting.version },
      relationships,
    ).allowedActions,
  };
}

const columnOrder = BoardColumn.options;

/** The meeting with its whole agenda, column by column, each in its order, as this member sees it. */
export async function viewMeeting(
  context: Context,
  viewer: AgendaViewer,
  access: MeetingAccess,
): Promise<Meeting> {
  const [items, openActions] = await Promise.all([
    viewAgendaItems(context, viewer, access),
    openActionsForMeeting(context, viewer.user, access.meeting, access.relationships),
  ]);
  items.sort(
    (left, right) =>
      columnOrder.indexOf(left.column) - columnOrder.indexOf(right.column) || left.position - right.position,
  );
  return {
    ...toMeetingSummary(access.meeting, access.mdt, viewer.user, access.relationships),
    items,
    openActions,
  };
}
