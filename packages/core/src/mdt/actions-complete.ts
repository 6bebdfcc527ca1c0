import * as z from "zod";
import type { UserActor } from "../actor";
import { toAuditItem } from "../audit/record";
import { auditRefusal } from "../audit/refusal";
import type { Context } from "../context";
import { createEvent, toOutboxItem } from "../event/outbox";
import { actionRefusal } from "../policy/domain/action-policy";
import { noRelationships } from "../policy/domain/relationships";
import { NotFound, ValidationFailed, VersionConflict } from "../util/errors";
import { issuesToDetails } from "../util/validation";
import { actionSubject, toAction } from "./actions-view";
import { commitAttempt } from "./commit";
import type { ActionRecord } from "./records";
import { mdtRelationships } from "./relationships";
import { tryAgain } from "./retry";
import type { Action } from "./schema";

export const ActionComplete = z
  .object({
    version: z
      .number({ error: "Give the action's version, as you loaded it" })
      .int("A version is a whole number")
      .min(1, "A version is 1 or more"),
  })
  .meta({ id: "ActionComplete" });

const maxAttempts = 3;

/**
 * Marks an action done, for its owner or anyone in the owning organisation. Anyone the action is
 * not shown to hears it does not exist; an MDT member who sees it on the board but does not own
 * it is refused. Conditional on the version the caller saw; the event goes in the same write.
 */
export async function completeAction(
  context: Context,
  user: UserActor,
  actionId: string,
  input: unknown,
): Promise<Action> {
  const parsed = ActionComplete.safeParse(input);
  if (!parsed.success) throw ValidationFailed(issuesToDetails(parsed.error.issues));
  for (let attempt = 1; ; attempt++) {
    const { data: record } = await context.db.entities.action.get({ actionId }).go({ consistent: true });
    if (!record) throw NotFound("The action");
    const refusal = await refusalFor(context, user, record);
    if (refusal) {
      await auditRefusal(
        context,
        user,
        { action: "action.complete", subjectType: "referral", subjectId: record.referralId },
        refusal,
      );
      throw refusal;
    }
    if (record.version !== parsed.data.version) throw VersionConflict(record.version);
    const changes = completion(context, user, record);
    const committed = await commit(context, user, record, changes);
    if (committed !== tryAgain) return toAction({ ...record, ...changes }, user);
    if (attempt >= maxAttempts)
      throw new Error(`Completing action ${actionId} kept colliding with other writes`);
  }
}

async function refusalFor(context: Context, user: UserActor, record: ActionRecord) {
  const subject = actionSubject(record);
  const plain = actionRefusal(user, subject, noRelationships, "complete");
  // Only someone who does not own it could be an MDT member refused rather than not shown it.
  if (plain?.code !== "not_found") return plain;
  return actionRefusal(user, subject, await mdtRelationships(context, user), "complete");
}

function completion(context: Context, user: UserActor, record: ActionRecord) {
  const at = context.clock.now().toISOString();
  return {
    status: "done" as const,
    completedAt: at,
    completedBy: user.userId,
    version: record.version + 1,
    updatedAt: at,
  };
}

async function commit(
  context: Context,
  user: UserActor,
  record: ActionRecord,
  changes: ReturnType<typeof completion>,
): Promise<"committed" | typeof tryAgain> {
  const now = new Date(changes.completedAt);
  const event = createEvent("action.completed", {
    actor: user,
    at: now,
    subject: { type: "action", id: record.actionId },
    data: { mdtId: record.mdtId, meetingId: record.meetingId, referralId: record.referralId },
  });
  return commitAttempt(
    context,
    "Action",
    ({ action, outbox, audit }) => [
      action
        .patch({ actionId: record.actionId })
        .set(changes)
        // Its due date is part of the owner indexes' sort keys, which move with its status.
        .composite({ dueOn: record.dueOn })
        .where(
          (attributes, { eq }) =>
            `${eq(attributes.version, record.version)} AND ${eq(attributes.status, "open")}`,
        )
        .commit(),
      outbox.create(toOutboxItem(event)).commit(),
      audit
        .create(
          toAuditItem({
            actor: user,
            action: "action.complete",
            subjectType: "referral",
            subjectId: record.referralId,
            purpose: "Completing an MDT action",
            outcome: "granted",
            at: now,
          }),
        )
        .commit(),
    ],
    {
      position: 0,
      refusal: async () => {
        const { data: latest } = await context.db.entities.action
          .get({ actionId: record.actionId })
          .go({ consistent: true });
        return VersionConflict(latest?.version ?? record.version + 1);
      },
    },
  );
}
