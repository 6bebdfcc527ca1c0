import type { UserActor } from "../actor";
import { toAuditItem } from "../audit/record";
import { londonDate } from "../calendar/domain/working-days";
import type { Context } from "../context";
import { conditionFailedAt, type TransactionResult } from "../db/transaction";
import { createEvent, toOutboxItem } from "../event/outbox";
import { agendaItemRefusal } from "../policy/domain/meeting-policy";
import { NotFound, ValidationFailed, VersionConflict } from "../util/errors";
import { createId } from "../util/id";
import { actionSummary } from "./actions-view";
import { agendaAudit } from "./agenda-audit";
import { writeTransaction } from "./commit";
import { endPosition, indexesInColumn } from "./domain/positions";
import { noOwnerUser } from "./entity";
import { referralsOf, toAgendaItem } from "./item-view";
import { loadMeetingAsMember, type MeetingAccess } from "./meeting-access";
import { ownerProblems } from "./outcome-owners";
import { outcomeSubject } from "./outcome-subject";
import { parseInput } from "./parse-input";
import type { ActionRecord, AgendaItemRecord } from "./records";
import { type AgendaItem, OutcomeCreate } from "./schema";
import { agendaViewer } from "./viewer";

/**
 * Records what the team decided for one person, typed live in the meeting: the decision, and the
 * actions agreed with their owners. The item moves to Decided and the actions are created in the
 * same transaction as the item's change (conditional on the version the member saw), the event
 * and the audit entry, so an outcome is never half there. Any member may record it while the
 * meeting has not ended, a planned one included (the policy's rule: a team can settle a person
 * before the meeting, and an item once decided is not carried over); an ended meeting's agenda is
 * a record and refuses it. An outcome is recorded once.
 */
export async function recordOutcome(
  context: Context,
  user: UserActor,
  meetingId: string,
  itemId: string,
  input: unknown,
): Promise<AgendaItem> {
  const access = await loadMeetingAsMember(context, user, meetingId);
  const item = access.items.find((candidate) => candidate.itemId === itemId);
  if (!item) throw NotFound("The agenda item");
  const outcome = parseInput(OutcomeCreate, input);
  const refusal = agendaItemRefusal(
    user,
    outcomeSubject(access, item),
    access.relationships,
    "record_outcome",
  );
  if (refusal) throw refusal;
  if (item.version !== outcome.version) throw VersionConflict(item.version);

  const now = context.clock.now();
  const today = londonDate(now);
  const problems = [
    ...(await ownerProblems(context, outcome.actions)),
    ...outcome.actions.flatMap((action, index) =>
      action.dueOn < today
        ? [{ path: `actions.${index}.dueOn`, message: "The due date must be today or later" }]
        : [],
    ),
  ];
  if (problems.length > 0) throw ValidationFailed(problems);

  const at = now.toISOString();
  const actions: ActionRecord[] = outcome.actions.map((action) => ({
    actionId: createId("action", now),
    mdtId: item.mdtId,
    meetingId: item.meetingId,
    itemId: item.itemId,
    referralId: item.referralId,
    version: 1,
    description: action.description,
    ownerOrganisationId: action.ownerOrganisationId,
    ownerUserKey: action.ownerUserId ?? noOwnerUser,
    dueOn: action.dueOn,
    status: "open",
    createdAt: at,
    updatedAt: at,
  }));
  const changes = {
    column: "decided" as const,
    position: endPosition(
      access.items.filter((other) => other.column === "decided" && other.itemId !== itemId),
    ),
    decision: outcome.decision,
    decidedAt: at,
    decidedBy: user.userId,
    actionIds: [...item.actionIds, ...actions.map((action) => action.actionId)],
    updatedAt: at,
  };
  const decided: AgendaItemRecord = { ...item, ...changes, version: item.version + 1 };

  const result = await commit(context, user, access, item, changes, actions, now);
  if (conditionFailedAt(result, 0)) {
    const latest = await context.db.entities.agendaItem.get({ meetingId, itemId }).go({ consistent: true });
    throw VersionConflict(latest.data?.version ?? item.version + 1);
  }
  // Anything else cancelled it (a write to the item in flight): the caller's version is no longer sure.
  if (result.canceled) throw VersionConflict(item.version);
  return view(context, user, access, decided, actions);
}

function commit(
  context: Context,
  user: UserActor,
  access: MeetingAccess,
  item: AgendaItemRecord,
  changes: Pick<
    AgendaItemRecord,
    "column" | "position" | "decision" | "decidedAt" | "decidedBy" | "actionIds" | "updatedAt"
  >,
  actions: ActionRecord[],
  now: Date,
): Promise<TransactionResult> {
  const event = createEvent("meeting.outcome_recorded", {
    actor: user,
    at: now,
    subject: { type: "meeting", id: item.meetingId },
    data: {
      mdtId: item.mdtId,
      itemId: item.itemId,
      referralId: item.referralId,
      actions: actions.map(actionSummary),
    },
  });
  const [audit] = agendaAudit(
    user,
    access,
    [item.referralId],
    "meeting.outcome.record",
    "Recorded the decision",
    now,
  );
  return writeTransaction(context, ({ agendaItem, action, outbox, audit: audits }) => [
    agendaItem
      .patch({ meetingId: item.meetingId, itemId: item.itemId })
      .set(changes)
      .add({ version: 1 })
      .where((attributes, { eq }) => eq(attributes.version, item.version))
      .commit(),
    ...actions.map((record) => action.create(record).commit()),
    outbox.create(toOutboxItem(event)).commit(),
    ...(audit ? [audits.create(toAuditItem(audit)).commit()] : []),
  ]);
}

async function view(
  context: Context,
  user: UserActor,
  access: MeetingAccess,
  decided: AgendaItemRecord,
  actions: ActionRecord[],
): Promise<AgendaItem> {
  const [viewer, referrals] = await Promise.all([
    agendaViewer(context, user),
    referralsOf(context, [decided.referralId]),
  ]);
  const column = access.items.map((other) => (other.itemId === decided.itemId ? decided : other));
  const indexes = indexesInColumn(column.filter((other) => other.column === "decided"));
  return toAgendaItem({
    item: decided,
    referral: referrals.get(decided.referralId),
    actions,
    index: indexes.get(decided.itemId) ?? 0,
    meeting: access.meeting,
    standing: access.standing,
    viewer,
  });
}
