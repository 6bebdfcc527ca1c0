import type { UserActor } from "../actor";
import type { Context } from "../context";
import { actionPolicy } from "../policy/domain/action-policy";
import { noRelationships, type Relationships } from "../policy/domain/relationships";
import { noOwnerUser } from "./entity";
import type { ActionRecord } from "./records";
import type { Action } from "./schema";

/** The owner, if one person owns the action (stored as a placeholder for the index otherwise). */
export function ownerUserOf(record: Pick<ActionRecord, "ownerUserKey">): string | undefined {
  return record.ownerUserKey === noOwnerUser ? undefined : record.ownerUserKey;
}

/** The fields of a stored action the policy judges by. */
export function actionSubject(record: ActionRecord) {
  return {
    mdtId: record.mdtId,
    ownerOrganisationId: record.ownerOrganisationId,
    ownerUserId: ownerUserOf(record),
    status: record.status,
    version: record.version,
  };
}

/** An action as the API shows it to this viewer, with what they may do to it now. */
export function toAction(
  record: ActionRecord,
  viewer: UserActor,
  relationships: Relationships = noRelationships,
): Action {
  const ownerUserId = ownerUserOf(record);
  return {
    id: record.actionId,
    mdtId: record.mdtId,
    meetingId: record.meetingId,
    itemId: record.itemId,
    referralId: record.referralId,
    description: record.description,
    ownerOrganisationId: record.ownerOrganisationId,
    ...(ownerUserId ? { ownerUserId } : {}),
    dueOn: record.dueOn,
    status: record.status,
    ...(record.completedAt ? { completedAt: record.completedAt } : {}),
    ...(record.completedBy ? { completedBy: record.completedBy } : {}),
    version: record.version,
    allowedActions: actionPolicy(viewer, actionSubject(record), relationships).allowedActions,
  };
}

/** What an event says of an action: what is to be done, by whom, by when. */
export function actionSummary(record: ActionRecord) {
  const ownerUserId = ownerUserOf(record);
  return {
    actionId: record.actionId,
    description: record.description,
    ownerOrganisationId: record.ownerOrganisationId,
    ...(ownerUserId ? { ownerUserId } : {}),
    dueOn: record.dueOn,
  };
}

const maxBatchAttempts = 5;

/** Stored actions by id, in the order asked for; ids that name nothing are left out. */
export async function loadActions(context: Context, actionIds: readonly string[]): Promise<ActionRecord[]> {
  const byId = new Map<string, ActionRecord>();
  let wanted = [...new Set(actionIds)].map((actionId) => ({ actionId }));
  // DynamoDB may leave some keys of a batch for later when it is busy: ask again for those.
  for (let attempt = 1; wanted.length > 0; attempt++) {
    const { data, unprocessed } = await context.db.entities.action.get(wanted).go({ consistent: true });
    for (const record of data) byId.set(record.actionId, record);
    if (unprocessed.length > 0 && attempt >= maxBatchAttempts) throw new Error("Could not read the actions");
    wanted = unprocessed.map((key) => ({ actionId: key.actionId }));
  }
  return actionIds.flatMap((actionId) => {
    const record = byId.get(actionId);
    return record ? [record] : [];
  });
}
