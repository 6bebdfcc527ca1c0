import type { UserActor } from "../actor";
import { recordAudit } from "../audit/record";
import type { Context } from "../context";
import { NotFound } from "../util/errors";
import { agendaAudit } from "./agenda-audit";
import { viewAgendaItems } from "./item-view";
import { loadMeetingAsMember } from "./meeting-access";
import type { AgendaItem } from "./schema";
import { agendaViewer } from "./viewer";

/** One item opened from the board, for a member of the team; the opening is audited. */
export async function getAgendaItem(
  context: Context,
  user: UserActor,
  meetingId: string,
  itemId: string,
): Promise<AgendaItem> {
  const access = await loadMeetingAsMember(context, user, meetingId, "meeting.item.read");
  const item = access.items.find((candidate) => candidate.itemId === itemId);
  if (!item) throw NotFound("The agenda item");
  const viewer = await agendaViewer(context, user);
  const [view] = await viewAgendaItems(context, viewer, access, [item]);
  if (!view) throw NotFound("The agenda item");
  await recordAudit(
    context,
    agendaAudit(user, access, [item.referralId], "meeting.item.read", "Opened from the board", viewer.now),
  );
  return view;
}
