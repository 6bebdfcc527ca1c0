import type { UserActor } from "../actor";
import { toAuditItem } from "../audit/record";
import type { Context } from "../context";
import { createEvent, toOutboxItem } from "../event/outbox";
import { agendaItemRefusal } from "../policy/domain/meeting-policy";
import { Forbidden, InvalidTransition, NotFound, ValidationFailed, VersionConflict } from "../util/errors";
import { commitAttempt } from "./commit";
import { columnMove, openAccessUntil } from "./domain/meeting-rules";
import { positionAt } from "./domain/positions";
import { personOnAgenda, referralsOf, viewAgendaItems } from "./item-view";
import { loadMeetingAsMember } from "./meeting-access";
import { parseInput } from "./parse-input";
import type { AgendaItemRecord } from "./records";
import { tryAgain, withRetries } from "./retry";
import { type AgendaItem, AgendaItemUpdate } from "./schema";
import { agendaViewer } from "./viewer";

/**
 * Moves an item on the board (column, place in it), edits its SBAR or its time slot: any member,
 * until the meeting ends. Only the moved item is written, conditional on the version the member
 * loaded and on its listing still being open (the meeting not ended), with its
 * `meeting.item_updated` event and an audit entry. Two members moving the same card: the first
 * wins, the second gets 409 with the version now current.
 */
export async function updateAgendaItem(
  context: Context,
  user: UserActor,
  meetingId: string,
  itemId: string,
  input: unknown,
): Promise<AgendaItem> {
  const request = parseInput(AgendaItemUpdate, input);
  const { version: _version, ...changes } = request;
  if (Object.values(changes).every((value) => value === undefined)) {
    // A change of nothing would still take a version, and turn others' next moves into conflicts.
    throw ValidationFailed([
      { path: "(body)", message: "Say what to change: column, position, sbar or slotMinutes" },
    ]);
  }
  return withRetries(() => attemptUpdate(context, user, meetingId, itemId, request));
}

async function attemptUpdate(
  context: Context,
  user: UserActor,
  meetingId: string,
  itemId: string,
  request: AgendaItemUpdate,
): Promise<AgendaItem | typeof tryAgain> {
  const access = await loadMeetingAsMember(context, user, meetingId, "meeting.item.update");
  const item = access.items.find((candidate) => candidate.itemId === itemId);
  if (!item) throw NotFound("The agenda item");
  if (item.version !== request.version) throw VersionConflict(item.version);
  const subject = {
    mdtId: item.mdtId,
    meetingStatus: access.meeting.status,
    decided: item.decision !== undefined,
    rolledTo: item.rolledTo,
    version: item.version,
  };
  for (const action of request.sbar ? (["move", "edit_sbar"] as const) : (["move"] as const)) {
    const refusal = agendaItemRefusal(user, subject, access.relationships, action);
    if (refusal) throw refusal;
  }
  if (request.sbar) await requireSeesSbar(context, user, item);
  const column = request.column ?? item.column;
  const move = columnMove({ column: item.column, decided: item.decision !== undefined }, column);
  if (!move.allowed) throw InvalidTransition(move.reason, item.version);

  const others = access.items.filter((other) => other.column === column && other.itemId !== itemId);
  const moving = column !== item.column || request.position !== undefined;
  const position = moving ? positionAt(others, request.position ?? others.length) : item.position;
  const now = context.clock.now();
  const at = now.toISOString();
  const changes = {
    column,
    position,
    ...(request.sbar ? { sbar: request.sbar } : {}),
    ...(request.slotMinutes !== undefined ? { slotMinutes: request.slotMinutes } : {}),
    updatedAt: at,
  };
  const event = createEvent("meeting.item_updated", {
    actor: user,
    at: now,
    subject: { type: "meeting", id: meetingId },
    data: {
      mdtId: item.mdtId,
      itemId,
      referralId: item.referralId,
      ...(moving ? { column, position: request.position ?? others.length } : {}),
      ...(request.sbar ? { sbarChanged: true } : {}),
    },
  });
  const committed = await commitAttempt(
    context,
    "Board",
    ({ agendaItem, outbox, audit }) => [
      agendaItem
        .patch({ meetingId, itemId })
        .set(changes)
        .add({ version: 1 })
        .where(
          (attributes, { eq }) =>
            `${eq(attributes.version, request.version)} AND ${eq(attributes.accessUntil, openAccessUntil)}`,
        )
        .commit(),
      outbox.create(toOutboxItem(event)).commit(),
      audit
        .create(
          toAuditItem({
            actor: user,
            action: "meeting.item.update",
            subjectType: "referral",
            subjectId: item.referralId,
            purpose: `Worked on the board: ${access.mdt.name} meeting of ${access.meeting.startsAt.slice(0, 10)} (${meetingId})`,
            outcome: "granted",
            at: now,
          }),
        )
        .commit(),
    ],
    { position: 0, refusal: () => refusalAfterRace(context, item) },
  );
  if (committed === tryAgain) return tryAgain;

  const updated: AgendaItemRecord = { ...item, ...changes, version: item.version + 1 };
  const items = access.items.map((candidate) => (candidate.itemId === itemId ? updated : candidate));
  const [view] = await viewAgendaItems(context, await agendaViewer(context, user), { ...access, items }, [
    updated,
  ]);
  if (!view) throw new Error(`No view of agenda item ${itemId}`);
  return view;
}

/** A member shown initials only cannot see the SBAR, so may not write over it either. */
async function requireSeesSbar(context: Context, user: UserActor, item: AgendaItemRecord) {
  const [viewer, referrals] = await Promise.all([
    agendaViewer(context, user),
    referralsOf(context, [item.referralId]),
  ]);
  if (!personOnAgenda(referrals.get(item.referralId), item, viewer).visible) {
    throw Forbidden("Only members who may see this person's SBAR can change it");
  }
}

/** What beat this write: the meeting ended under it, or another member changed the item first. */
async function refusalAfterRace(context: Context, item: AgendaItemRecord) {
  const latest = await context.db.entities.agendaItem
    .get({ meetingId: item.meetingId, itemId: item.itemId })
    .go({ consistent: true });
  const current = latest.data;
  if (current && current.accessUntil !== openAccessUntil) {
    return InvalidTransition("The meeting has ended", current.version);
  }
  return VersionConflict(current?.version ?? item.version);
}
