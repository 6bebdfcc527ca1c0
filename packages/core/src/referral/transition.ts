import { type Actor, actorId } from "../actor";
import { toAuditItem } from "../audit/record";
import { auditRefusal } from "../audit/refusal";
import type { Context } from "../context";
import type { TransactItem } from "../db/item-update";
import { transactWrite } from "../db/transact";
import { conditionFailedAt, isTransientCancellation } from "../db/transaction";
import { createCheckedEvent, toOutboxItem } from "../event/outbox";
import { referralPolicy } from "../policy/domain/referral-policy";
import { noRelationships, type Relationships } from "../policy/domain/relationships";
import { referralRelationships } from "../policy/referral-relationships";
import { areaTimers } from "../settings/service-levels";
import {
  AlreadyClaimed,
  type AppError,
  CapacityReached,
  isAppError,
  NotFound,
  VersionConflict,
} from "../util/errors";
import { type Command, caseloadStatuses, decide, type Performer } from "./domain/lifecycle";
import type { ReferralItem } from "./mapper";
import { scheduleFields } from "./schedule";
import { openStatuses, type Referral } from "./schema";
import { viewReferral } from "./view";
import { referralUpdate } from "./write";

const maxAttempts = 4;

export type Changer = Extract<Actor, { type: "user" }> | Extract<Actor, { type: "system" }>;

/** What a caller adds to a lifecycle change, committed with it in the same transaction. */
export interface TransitionExtra {
  /** Merged into the event's data. */
  eventData?: Record<string, unknown>;
  /** Merged into the next referral item (e.g. `firstContactAt` = when the contact happened). */
  nextFields?: Partial<ReferralItem>;
  /**
   * Further items for the same TransactWriteItems, after the referral and caseload items; called
   * again on every attempt, with the time of that attempt and the referral as it will be stored.
   * Never the referral itself (one transaction writes an item once): its fields go in `nextFields`.
   */
  writes?: (now: Date, next: ReferralItem) => TransactItem[];
  /**
   * The refusal when the condition of `writes()[index]` fails; by default a version conflict on
   * the referral (nothing was written, so the caller reloads and tries again).
   */
  writeConflict?: (index: number) => AppError;
}

function performerOf(actor: Changer): Performer {
  return actor.type === "system"
    ? { kind: "system" }
    : { kind: "user", userId: actor.userId, roles: actor.roles, organisationId: actor.organisationId };
}

/**
 * Applies one lifecycle command: checks the caller may see the referral (the authorisation policy,
 * with an MDT agenda listing where it could help) and holds its current version, asks the state
 * machine, then commits the new state (conditional on that version), the
 * caseload change (conditional on capacity), the person's open referrals, the event and an audit
 * entry in one transaction. A lost race is reported with the current version, never overwritten.
 * A refusal of any kind (not found, forbidden, stale, not allowed now) is audited too.
 */
export async function transitionReferral(
  context: Context,
  actor: Changer,
  referralId: string,
  expectedVersion: number | undefined,
  command: Command,
  extra: TransitionExtra = {},
): Promise<Referral> {
  try {
    return await attemptTransition(context, actor, referralId, expectedVersion, command, extra);
  } catch (error) {
    if (actor.type === "user" && isAppError(error)) {
      const refusal = {
        action: `referral.${command.type}`,
        subjectType: "referral",
        subjectId: referralId,
      } as const;
      await auditRefusal(context, actor, refusal, error);
    }
    throw error;
  }
}

async function attemptTransition(
  context: Context,
  actor: Changer,
  referralId: string,
  expectedVersion: number | undefined,
  command: Command,
  extra: TransitionExtra,
): Promise<Referral> {
  for (let attempt = 1; ; attempt++) {
    const { item: current, relationships } = await load(context, actor, referralId, command);
    const version = expectedVersion ?? current.version;
    if (current.version !== version) {
      if (command.type === "claim" && caseloadStatuses.includes(current.status))
        throw AlreadyClaimed(current.version);
      throw VersionConflict(current.version);
    }
    const outcome = await commitChange(context, actor, current, relationships, command, extra);
    if (outcome.referral) return outcome.referral;
    if (attempt >= maxAttempts) throw VersionConflict(current.version);
  }
}

async function load(
  context: Context,
  actor: Changer,
  referralId: string,
  command: Command,
): Promise<{ item: ReferralItem; relationships: Relationships }> {
  const result = await context.db.entities.referral.get({ referralId }).go({ consistent: true });
  const item = result.data;
  if (actor.type !== "user") {
    if (!item) throw NotFound("The referral");
    return { item, relationships: noRelationships };
  }
  const relationships = await referralRelationships(context, actor, referralId, item, command.type);
  if (!item) throw NotFound("The referral");
  if (!referralPolicy(actor, item, relationships).visible) {
    // A link worker who lost the race to pick up a case from their own organisation's queue saw it
    // there a moment ago: they hear that a colleague took it, which tells them nothing new.
    const lostClaim =
      command.type === "claim" &&
      actor.roles.includes("link_worker") &&
      item.organisationId === actor.organisationId &&
      caseloadStatuses.includes(item.status);
    throw lostClaim ? AlreadyClaimed(item.version) : NotFound("The referral");
  }
  return { item, relationships };
}

async function commitChange(
  context: Context,
  actor: Changer,
  current: ReferralItem,
  relationships: Relationships,
  command: Command,
  extra: TransitionExtra,
): Promise<{ referral?: Referral }> {
  const now = context.clock.now();
  const outcome = decide(current, command, performerOf(actor), now, relationships);
  if (!outcome.ok) throw outcome.error;
  const { next, event, caseload } = outcome.decision;
  const timers = await areaTimers(context);
  const changed: ReferralItem = {
    ...current,
    ...next,
    ...(command.type === "triage" ? { triageNote: command.note } : {}),
    ...(command.type === "claim" && actor.type === "user" ? { assignedToName: actor.name } : {}),
    ...extra.nextFields,
  };
  const nextItem: ReferralItem = { ...changed, ...scheduleFields(changed, timers) };
  const wasOpen = openStatuses.includes(current.status);
  const isOpen = openStatuses.includes(nextItem.status);
  const recorded = createCheckedEvent(event.type, {
    actor,
    at: now,
    subject: { type: "referral", id: current.referralId },
    data: { ...event.data, ...extra.eventData },
  });

  const related = context.db.service.transaction
    .write(({ user, person, outbox, audit }) => [
      ...caseload.map((change) =>
        change.delta > 0
          ? user
              .patch({ userId: change.userId })
              .add({ activeCaseload: 1 })
              .where(
                (attributes, { eq, name }) =>
                  `${eq(attributes.active, true)} AND ${name(attributes.activeCaseload)} < ${name(attributes.caseloadLimit)}`,
              )
              .commit()
          : user.patch({ userId: change.userId }).subtract({ activeCaseload: 1 }).commit(),
      ),
      ...(wasOpen !== isOpen
        ? [
            isOpen
              ? person
                  .update({ personId: current.personId })
                  .add({ openReferralIds: [current.referralId] })
                  .commit()
              : person
                  .update({ personId: current.personId })
                  .delete({ openReferralIds: [current.referralId] })
                  .commit(),
          ]
        : []),
      outbox.create(toOutboxItem(recorded)).commit(),
      audit
        .create(
          toAuditItem({
            actor,
            action: `referral.${command.type}`,
            subjectType: "referral",
            subjectId: current.referralId,
            purpose: actor.type === "system" ? "Service-level timer" : "Referral workflow",
            outcome: "granted",
            at: now,
          }),
        )
        .commit(),
    ])
    .params();
  const items = [
    referralUpdate(context, current, nextItem, { version: current.version }),
    ...related.TransactItems,
  ];
  const firstExtra = items.length;
  const result = await transactWrite(context, [...items, ...(extra.writes?.(now, nextItem) ?? [])]);

  if (!result.canceled) return { referral: await viewReferral(context, actor, nextItem, relationships) };
  if (conditionFailedAt(result, 0)) {
    const latest = (
      await context.db.entities.referral.get({ referralId: current.referralId }).go({ consistent: true })
    ).data;
    const latestVersion = latest?.version ?? current.version + 1;
    if (command.type === "claim" && latest && caseloadStatuses.includes(latest.status))
      throw AlreadyClaimed(latestVersion);
    throw VersionConflict(latestVersion);
  }
  // The caseload items sit at 1.., in the decision's order.
  const full = caseload.find((change, index) => change.delta > 0 && conditionFailedAt(result, 1 + index));
  if (full) {
    throw CapacityReached(
      actor.type === "user" && actor.userId === full.userId
        ? "Your caseload is full: close a case or ask your manager to raise your limit"
        : `${nextItem.assignedToName ?? "The link worker"}'s caseload is full, or they are no longer active: choose someone else or raise their limit`,
    );
  }
  const failedExtra = result.data.findIndex(
    (item, index) => index >= firstExtra && item.code === "ConditionalCheckFailed",
  );
  if (failedExtra >= 0) {
    throw extra.writeConflict?.(failedExtra - firstExtra) ?? VersionConflict(current.version);
  }
  if (isTransientCancellation(result)) return {};
  throw new Error(
    `Referral transition ${command.type} was cancelled: ${JSON.stringify(result.data.map((item) => item.code))} (${actorId(actor)})`,
  );
}
