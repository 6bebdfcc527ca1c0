import type { UserActor } from "../actor";
import type { Context } from "../context";
import { auditWholeAgenda } from "./agenda-audit";
import type { MeetingAccess } from "./meeting-access";
import { viewMeeting } from "./meeting-view";
import type { Meeting } from "./schema";
import { agendaViewer } from "./viewer";

/**
 * The meeting and its board as the member sees it, for any answer that carries the agenda: every
 * person on it is audited as shown from the board before the answer leaves.
 */
export async function showMeeting(
  context: Context,
  user: UserActor,
  access: MeetingAccess,
  action: string,
): Promise<Meeting> {
  const viewer = await agendaViewer(context, user);
  const meeting = await viewMeeting(context, viewer, access);
  await auditWholeAgenda(context, user, access, action, "On the agenda", viewer.now);
  return meeting;
}
