import type { UserActor } from "../actor";
import { toAuditItem } from "../audit/record";
import type { Context } from "../context";
import { conditionFailedAt, type TransactionResult } from "../db/transaction";
import type { EventEnvelope } from "../event/catalogue";
import { createEvent, toOutboxItem } from "../event/outbox";
import { actionSummary } from "./actions-view";
import { writeTransaction } from "./commit";
import { openAccessUntil } from "./domain/meeting-rules";
import type { Closing, EndPlan } from "./domain/rollover";
import type { ActionRecord, AgendaItemRecord, MdtRecord, MeetingRecord } from "./records";

/** What every write of one meeting's end shares. */
export interface Ending {
  user: UserActor;
  meeting: MeetingRecord;
  mdt: MdtRecord;
  /** The version the chair ended it at: each write holds only while it is still current. */
  version: number;
  plan: EndPlan<AgendaItemRecord>;
  now: Date;
}

/**
 * Plans the meeting the undecided items move to, when the team had none: conditional on its not
 * existing, so a second attempt (its id is derived from this meeting's) plans nothing more and
 * counts as done.
 */
export async function planFollowingMeeting(context: Context, ending: Ending): Promise<TransactionResult> {
  const { user, meeting, mdt, plan, now } = ending;
  const next = plan.next;
  if (!next?.create) return { canceled: false, data: [] };
  const at = now.toISOString();
  const event = createEvent("meeting.planned", {
    actor: user,
    at: now,
    subject: { type: "meeting", id: next.meetingId },
    data: {
      mdtId: mdt.mdtId,
      startsAt: next.startsAt,
      durationMinutes: next.durationMinutes,
      rolledFrom: meeting.meetingId,
    },
  });
  const result = await writeTransaction(context, ({ meeting: meetings, outbox, audit }) => [
    meetings
      .create({
        meetingId: next.meetingId,
        mdtId: mdt.mdtId,
        areaId: meeting.areaId,
        version: 1,
        startsAt: next.startsAt,
        durationMinutes: next.durationMinutes,
        status: "planned",
        attendees: [],
        createdAt: at,
        updatedAt: at,
      })
      .commit(),
    outbox.create(toOutboxItem(event)).commit(),
    audit
      .create(
        toAuditItem({
          actor: user,
          action: "meeting.plan",
          subjectType: "meeting",
          subjectId: next.meetingId,
          purpose: `Planned by ending the meeting of ${mdt.name} of ${meeting.startsAt.slice(0, 10)}, to take the items it did not decide`,
          outcome: "granted",
          at: now,
        }),
      )
      .commit(),
  ]);
  // Refused because an earlier attempt planned it already: that is the meeting wanted.
  if (conditionFailedAt(result, 0)) return { canceled: false, data: [] };
  return result;
}

/**
 * Closes a group of items in one transaction: each listing closes 30 days after the end, each
 * undecided one moves to the next meeting (a new item there, and the person noted as listed on
 * it), and each person's referral hears what the team decided. It holds only while the meeting is
 * still in progress at the version the chair ended it at, and each item is as it was read.
 */
export function closeGroup(
  context: Context,
  ending: Ending,
  group: readonly Closing<AgendaItemRecord>[],
  actionsById: ReadonlyMap<string, ActionRecord>,
): Promise<TransactionResult> {
  const { user, meeting, mdt, version, plan, now } = ending;
  const at = now.toISOString();
  const next = plan.next;
  const created = group.flatMap((closing) => (closing.kind === "rolled" && closing.create ? [closing] : []));
  return writeTransaction(context, ({ meeting: meetings, agendaItem, outbox }) => [
    // A guard on the meeting, written as an update (of its updatedAt) rather than a condition
    // check: the API is granted no ConditionCheckItem, and this needs nothing more.
    meetings
      .patch({ meetingId: meeting.meetingId })
      .set({ updatedAt: at })
      .where(
        (attributes, { eq }) =>
          `${eq(attributes.version, version)} AND ${eq(attributes.status, "in_progress")}`,
      )
      .commit(),
    ...(next && created.length > 0
      ? [
          meetings
            .patch({ meetingId: next.meetingId })
            .add({ listedReferralIds: created.map((closing) => closing.item.referralId) })
            .set({ updatedAt: at })
            .where((attributes, { notContains, ne }) =>
              [
                ne(attributes.status, "ended"),
                ...created.map((closing) =>
                  notContains(attributes.listedReferralIds, closing.item.referralId),
                ),
              ].join(" AND "),
            )
            .commit(),
        ]
      : []),
    ...group.flatMap((closing) => {
      const { item } = closing;
      const rolledTo = closing.kind === "rolled" ? next?.meetingId : undefined;
      const moved = closing.kind === "rolled" && closing.create && next ? { closing, next } : undefined;
      return [
        agendaItem
          .patch({ meetingId: item.meetingId, itemId: item.itemId })
          .set({ accessUntil: plan.accessUntil, updatedAt: at, ...(rolledTo ? { rolledTo } : {}) })
          .add({ version: 1 })
          .where(
            (attributes, { eq }) =>
              `${eq(attributes.version, item.version)} AND ${eq(attributes.accessUntil, openAccessUntil)}`,
          )
          .commit(),
        ...(moved
          ? [
              agendaItem
                .create({
                  meetingId: moved.next.meetingId,
                  itemId: moved.closing.toItemId,
                  mdtId: mdt.mdtId,
                  referralId: item.referralId,
                  version: 1,
                  reason: moved.closing.reason,
                  sbar: item.sbar,
                  riskFlags: item.riskFlags,
                  column: "to_discuss",
                  position: moved.closing.toPosition,
                  slotMinutes: item.slotMinutes,
                  actionIds: [],
                  rolledFrom: meeting.meetingId,
                  addedBy: user.userId,
                  addedAt: plan.endedAt,
                  accessUntil: openAccessUntil,
                  updatedAt: at,
                })
                .commit(),
            ]
          : []),
        ...closingEvents(ending, closing, actionsById).map((event) =>
          outbox.create(toOutboxItem(event)).commit(),
        ),
      ];
    }),
  ]);
}

/** What closing one item tells: its referral what was decided, and the boards where it moved. */
function closingEvents(
  ending: Ending,
  closing: Closing<AgendaItemRecord>,
  actionsById: ReadonlyMap<string, ActionRecord>,
): EventEnvelope[] {
  const { user, meeting, mdt, plan, now } = ending;
  const { item } = closing;
  const next = closing.kind === "rolled" ? plan.next : undefined;
  const actions = item.actionIds.flatMap((actionId) => actionsById.get(actionId) ?? []);
  const discussed = createEvent("referral.discussed_at_mdt", {
    actor: user,
    at: now,
    subject: { type: "referral", id: item.referralId },
    data: {
      meetingId: meeting.meetingId,
      mdtId: mdt.mdtId,
      mdtName: mdt.name,
      ...(item.decision !== undefined ? { decision: item.decision } : {}),
      actions: actions.map(actionSummary),
      ...(next ? { rolledTo: next.meetingId } : {}),
    },
  });
  if (closing.kind !== "rolled" || !next) return [discussed];
  const rolledOver = createEvent("meeting.item_rolled_over", {
    actor: user,
    at: now,
    subject: { type: "meeting", id: meeting.meetingId },
    data: {
      mdtId: mdt.mdtId,
      itemId: item.itemId,
      referralId: item.referralId,
      toMeetingId: next.meetingId,
      toItemId: closing.toItemId,
      reason: closing.why,
    },
  });
  if (!closing.create) return [discussed, rolledOver];
  const listed = createEvent("meeting.item_listed", {
    actor: user,
    at: now,
    subject: { type: "meeting", id: next.meetingId },
    data: {
      mdtId: mdt.mdtId,
      itemId: closing.toItemId,
      referralId: item.referralId,
      rolledFrom: meeting.meetingId,
    },
  });
  return [discussed, rolledOver, listed];
}

/**
 * The end itself, written last: the meeting ends only once every item is closed. It holds only
 * while the meeting is at the chair's version and no one has listed anyone since its items were
 * read (the listing count is unchanged), so no item is left open on an ended meeting.
 */
export function finishEnding(context: Context, ending: Ending): Promise<TransactionResult> {
  const { user, meeting, mdt, version, plan, now } = ending;
  const listed = meeting.listedReferralIds?.length ?? 0;
  const event = createEvent("meeting.ended", {
    actor: user,
    at: now,
    subject: { type: "meeting", id: meeting.meetingId },
    data: {
      mdtId: mdt.mdtId,
      decided: plan.decided,
      rolledOver: plan.rolledOver,
      ...(plan.next ? { nextMeetingId: plan.next.meetingId } : {}),
    },
  });
  return writeTransaction(context, ({ meeting: meetings, outbox, audit }) => [
    meetings
      .patch({ meetingId: meeting.meetingId })
      .set({ status: "ended", endedAt: plan.endedAt, updatedAt: now.toISOString() })
      .add({ version: 1 })
      .where((attributes, { eq, size, notExists, escape: literal }) =>
        [
          eq(attributes.version, version),
          eq(attributes.status, "in_progress"),
          listed === 0
            ? notExists(attributes.listedReferralIds)
            : `${size(attributes.listedReferralIds)} = ${literal(listed)}`,
        ].join(" AND "),
      )
      .commit(),
    outbox.create(toOutboxItem(event)).commit(),
    audit
      .create(
        toAuditItem({
          actor: user,
          action: "meeting.end",
          subjectType: "meeting",
          subjectId: meeting.meetingId,
          purpose: `Ended a meeting of ${mdt.name}: ${plan.decided} decided, ${plan.rolledOver} carried over`,
          outcome: "granted",
          at: now,
        }),
      )
      .commit(),
  ]);
}
