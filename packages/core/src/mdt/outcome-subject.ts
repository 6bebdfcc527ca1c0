import type { AgendaItemSubject } from "../policy/domain/meeting-policy";
import type { MeetingAccess } from "./meeting-access";
import type { AgendaItemRecord } from "./records";

/** An agenda item, as the policy judges it. */
export function outcomeSubject(
  access: Pick<MeetingAccess, "meeting">,
  item: AgendaItemRecord,
): AgendaItemSubject {
  return {
    mdtId: item.mdtId,
    meetingStatus: access.meeting.status,
    decided: item.decision !== undefined,
    rolledTo: item.rolledTo,
    version: item.version,
  };
}
