import type { UserActor } from "../actor";
import type { Context } from "../context";
import { loadActions, toAction } from "./actions-view";
import { auditWholeAgenda } from "./agenda-audit";
import { summarise } from "./domain/summary";
import { personOnAgenda, referralsOf } from "./item-view";
import { loadMeetingAsMember } from "./meeting-access";
import type { OutcomeSummary } from "./summary-schema";
import { agendaViewer } from "./viewer";

/**
 * What a meeting came to, per person: the decision and its actions, or the meeting they were
 * carried over to. For the team's members (anyone else: not found); each person named is audited,
 * as from the board.
 */
export async function readMeetingSummary(
  context: Context,
  user: UserActor,
  meetingId: string,
): Promise<OutcomeSummary> {
  const access = await loadMeetingAsMember(context, user, meetingId);
  const { relationships } = access;
  const [viewer, referrals, actions] = await Promise.all([
    agendaViewer(context, user),
    referralsOf(
      context,
      access.items.map((item) => item.referralId),
    ),
    loadActions(
      context,
      access.items.flatMap((item) => item.actionIds),
    ),
  ]);
  const actionsById = new Map(
    actions.map((action) => [action.actionId, toAction(action, user, relationships)]),
  );
  const accessUntil = new Map(access.items.map((item) => [item.itemId, item.accessUntil]));
  const lines = summarise(access.items, actionsById).map((line) => {
    // Every line is one of these items; an unknown one would show initials only.
    const listing = { accessUntil: accessUntil.get(line.itemId) ?? new Date(0).toISOString() };
    return { ...line, person: personOnAgenda(referrals.get(line.referralId), listing, viewer).person };
  });
  await auditWholeAgenda(
    context,
    user,
    access,
    "meeting.summary.read",
    "Read the meeting's summary",
    viewer.now,
  );
  return { meetingId, status: access.meeting.status, items: lines };
}
