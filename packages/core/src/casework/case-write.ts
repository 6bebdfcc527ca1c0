import type { TransactionSymbol } from "electrodb";
import type { UserActor } from "../actor";
import { toAuditItem } from "../audit/record";
import type { Context } from "../context";
import type { Database } from "../db/database";
import type { TransactItem } from "../db/item-update";
import { transactWrite } from "../db/transact";
import { conditionFailedAt, isTransientCancellation } from "../db/transaction";
import type { EventData, EventTypeAbout } from "../event/catalogue";
import { createCheckedEvent, toOutboxItem } from "../event/outbox";
import type { ReferralItem } from "../referral/mapper";
import { referralUpdate } from "../referral/write";
import { VersionConflict } from "../util/errors";
import type { StoredPlan } from "./entity";
import { type CaseRecordItem, caseVersionOf, type LoadedCase } from "./load-case";

type Entities = Database["entities"];
type ElectroWriteItem = ReturnType<
  ReturnType<Database["service"]["transaction"]["write"]>["params"]
>["TransactItems"][number];

/** One item of an ElectroDB write transaction, whatever the entity. */
export type CaseWriteCommit = ElectroWriteItem & { [TransactionSymbol]: unknown };

/** The case record's own fields, as a write leaves them. */
export interface CaseRecordFields {
  whatMatters?: string | undefined;
  plan: StoredPlan;
  planVersion: number;
  failedAttempts: number;
  contactCount: number;
}

export function recordFieldsOf(record: CaseRecordItem | undefined): CaseRecordFields {
  return {
    ...(record?.whatMatters !== undefined ? { whatMatters: record.whatMatters } : {}),
    plan: record?.plan ?? { goals: [] },
    planVersion: record?.planVersion ?? 0,
    failedAttempts: record?.failedAttempts ?? 0,
    contactCount: record?.contactCount ?? 0,
  };
}

/** One change to a case: the record as it becomes, the items it adds or changes, its event and audit. */
export interface CaseChange<Type extends EventTypeAbout<"referral">> {
  record: CaseRecordFields;
  /** Further items (new contact, connection...), each with its own condition where it has one. */
  items: (entities: WriteEntities, now: Date) => CaseWriteCommit[];
  event: { type: Type; data: EventData<Type> };
  auditAction: string;
}

type WriteEntities = Parameters<Parameters<Database["service"]["transaction"]["write"]>[0]>[0];

/**
 * The case's items of one TransactWriteItems: the case record first (created on condition it does
 * not exist yet, later replaced on condition of the version read), then the change's own items,
 * the outbox event and the audit entry.
 */
export function caseWriteItems<Type extends EventTypeAbout<"referral">>(
  context: Context,
  user: UserActor,
  loaded: LoadedCase,
  change: CaseChange<Type>,
  now: Date,
): TransactItem[] {
  const referralId = loaded.referral.referralId;
  const at = now.toISOString();
  const event = createCheckedEvent(change.event.type, {
    actor: user,
    subject: { type: "referral", id: referralId },
    data: change.event.data,
    at: now,
  });
  const params = context.db.service.transaction
    .write((entities): CaseWriteCommit[] => [
      recordWrite(entities, loaded.record, referralId, change.record, at),
      ...change.items(entities, now),
      entities.outbox.create(toOutboxItem(event)).commit(),
      entities.audit
        .create(
          toAuditItem({
            actor: user,
            action: change.auditAction,
            subjectType: "referral",
            subjectId: referralId,
            purpose: loaded.decision.purpose ?? "Casework",
            outcome: "granted",
            at: now,
          }),
        )
        .commit(),
    ])
    .params();
  return params.TransactItems.map(toTransactItem);
}

/** ElectroDB types its transaction items loosely; they are the SDK's items. */
function toTransactItem(item: ElectroWriteItem): TransactItem {
  return item as TransactItem;
}

function recordWrite(
  entities: WriteEntities,
  record: CaseRecordItem | undefined,
  referralId: string,
  fields: CaseRecordFields,
  at: string,
) {
  const { whatMatters, ...rest } = fields;
  const stored = { ...rest, ...(whatMatters !== undefined ? { whatMatters } : {}) };
  if (!record) {
    return entities.caseRecord
      .create({ referralId, version: 1, ...stored, createdAt: at, updatedAt: at })
      .commit();
  }
  const { whatMatters: _whatMatters, ...kept } = record;
  return entities.caseRecord
    .put({ ...kept, ...stored, version: record.version + 1, updatedAt: at })
    .where((attributes, { eq }) => eq(attributes.version, record.version))
    .commit();
}

/**
 * The referral's part of a case write: its denormalised case fields updated if they change, or
 * else a check that it is still as read. Either way conditional on the referral's version, so a
 * case write never lands on a referral closed, reassigned or otherwise changed since the policy
 * was asked. The referral's version itself does not move: these fields are the case's.
 */
export function referralPart(
  context: Context,
  referral: ReferralItem,
  changes: Partial<Pick<ReferralItem, "reviewOn" | "failedContactAttempts" | "openEscalations">>,
): TransactItem {
  const next = { ...referral, ...changes };
  const changed = Object.entries(changes).some(
    ([field, value]) => JSON.stringify(referral[field as keyof typeof changes]) !== JSON.stringify(value),
  );
  if (changed) return referralUpdate(context, referral, next, { version: referral.version });
  const { Key } = context.db.entities.referral.get({ referralId: referral.referralId }).params();
  return {
    ConditionCheck: {
      TableName: context.db.tableName,
      Key,
      ConditionExpression: "#version = :version",
      ExpressionAttributeNames: { "#version": "version" },
      ExpressionAttributeValues: { ":version": referral.version },
    },
  };
}

/** The outcome of one attempt at a case write. */
export type CommitOutcome =
  | { committed: true }
  | { committed: false; stale: true }
  /** The condition of the change's item at this index (of `items`) did not hold. */
  | { committed: false; stale: false; failedItem: number };

/** Commits a case change with the referral's part; a lost race is reported, never overwritten. */
export async function commitCaseChange<Type extends EventTypeAbout<"referral">>(
  context: Context,
  user: UserActor,
  loaded: LoadedCase,
  change: CaseChange<Type>,
  referralChanges: Parameters<typeof referralPart>[2] = {},
): Promise<CommitOutcome> {
  const now = context.clock.now();
  const items = [
    referralPart(context, loaded.referral, referralChanges),
    ...caseWriteItems(context, user, loaded, change, now),
  ];
  const result = await transactWrite(context, items);
  if (!result.canceled) return { committed: true };
  if (conditionFailedAt(result, 0) || conditionFailedAt(result, 1)) return { committed: false, stale: true };
  const failedItem = result.data.findIndex(
    (item, index) => index >= 2 && item.code === "ConditionalCheckFailed",
  );
  if (failedItem >= 0) return { committed: false, stale: false, failedItem: failedItem - 2 };
  if (isTransientCancellation(result)) return { committed: false, stale: true };
  throw new Error(
    `Case write ${change.auditAction} was cancelled: ${JSON.stringify(result.data.map((item) => item.code))}`,
  );
}

const maxAttempts = 4;

/**
 * Runs a case write until it commits: an attempt that lost a race with another change to the same
 * case (a contact logged at the same moment) reads the case again and decides again. A conflict the
 * caller must see (a stale plan or connection) is thrown by the attempt itself.
 */
export async function untilCommitted<T>(attempt: () => Promise<{ done: T } | { retryFrom: LoadedCase }>) {
  for (let count = 1; ; count++) {
    const outcome = await attempt();
    if ("done" in outcome) return outcome.done;
    if (count >= maxAttempts) throw VersionConflict(caseVersionOf(outcome.retryFrom));
  }
}

export type { Entities as CaseEntities };
