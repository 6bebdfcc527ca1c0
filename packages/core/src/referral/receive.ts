import { type Actor, actorId, type UserActor } from "../actor";
import { toAuditItem } from "../audit/record";
import type { Context } from "../context";
import { conditionFailedAt, isTransientCancellation, type TransactionResult } from "../db/transaction";
import { createEvent, toOutboxItem } from "../event/outbox";
import { findKnownPerson } from "../person/find";
import { identityKey } from "../person/identity";
import { areaTimers } from "../settings/service-levels";
import { IdempotencyConflict } from "../util/errors";
import { createId } from "../util/id";
import { hashOf } from "../util/stable-json";
import { toReferral } from "./mapper";
import { createReference } from "./reference";
import { scheduleFields } from "./schedule";
import type { Referral, ReferralCreate } from "./schema";

const idempotencyWindowSeconds = 24 * 60 * 60;
const maxAttempts = 4;

/** A professional referral, or a self-referral, which may not name a practice. */
export type ReceiveInput = Omit<ReferralCreate, "practiceOds"> & { practiceOds?: string | undefined };

export interface ReceiveOptions {
  idempotencyKey?: string;
}

export interface Received {
  referral: Referral;
  /** True when this was a retry of a request already carried out. */
  replayed: boolean;
}

/**
 * Takes a referral in: one person record, the referral, its `referral.received` event and an
 * audit entry, committed together or not at all. A repeated Idempotency-Key returns the first result.
 */
export async function receiveReferral(
  context: Context,
  actor: UserActor | Extract<Actor, { type: "public" }>,
  input: ReceiveInput,
  options: ReceiveOptions = {},
): Promise<Received> {
  const scope = actorId(actor);
  const requestHash = hashOf(input);

  for (let attempt = 1; ; attempt++) {
    if (options.idempotencyKey) {
      const earlier = await replay(context, scope, options.idempotencyKey, requestHash);
      if (earlier) return { referral: earlier, replayed: true };
    }
    const attemptResult = await attemptReceive(context, actor, input, { ...options, scope, requestHash });
    if (attemptResult.referral) return { referral: attemptResult.referral, replayed: false };
    // Another request changed the person record or took the key first: look again and retry.
    if (attempt >= maxAttempts) throw new Error("Could not record the referral after repeated conflicts");
  }
}

async function replay(context: Context, scope: string, key: string, requestHash: string) {
  const { entities } = context.db;
  const record = await entities.idempotency.get({ scope, key }).go({ consistent: true });
  if (!record.data) return undefined;
  if (record.data.requestHash !== requestHash) throw IdempotencyConflict();
  const referral = await entities.referral.get({ referralId: record.data.resultId }).go({ consistent: true });
  if (!referral.data)
    throw new Error(`Idempotency record points at a missing referral ${record.data.resultId}`);
  return toReferral(referral.data, context.clock.now());
}

async function attemptReceive(
  context: Context,
  actor: UserActor | Extract<Actor, { type: "public" }>,
  input: ReceiveInput,
  options: ReceiveOptions & { scope: string; requestHash: string },
): Promise<{ referral?: Referral }> {
  const now = context.clock.now();
  const at = now.toISOString();
  const known = await findKnownPerson(context, input.person);
  const personId = known?.personId ?? createId("person", now);
  const nhsNumber = input.person.nhsNumber ?? known?.nhsNumber;
  const claimsNhsNumber = Boolean(input.person.nhsNumber && !known?.nhsNumber);
  const otherOpenReferralIds = [...(known?.openReferralIds ?? [])];
  const timers = await areaTimers(context);

  const referralItem = {
    referralId: createId("referral", now),
    reference: createReference(),
    version: 1,
    status: "received" as const,
    source: input.source,
    receivedAt: at,
    updatedAt: at,
    personId,
    person: { ...input.person, ...(nhsNumber ? { nhsNumber } : {}) },
    practiceOds: input.practiceOds,
    reason: input.reason,
    needs: input.needs,
    riskFlags: input.riskFlags,
    consent: input.consent,
    ...(actor.type === "user"
      ? { referrerId: actor.userId, referrerOrganisationId: actor.organisationId }
      : {}),
    breaches: [],
    otherOpenReferralIds,
    ...scheduleFields({ status: "received", receivedAt: at, riskFlags: input.riskFlags }, timers),
  };
  const event = createEvent("referral.received", {
    actor,
    at: now,
    subject: { type: "referral", id: referralItem.referralId },
    data: {
      referralId: referralItem.referralId,
      source: input.source,
      practiceOds: input.practiceOds,
      needs: input.needs,
      riskFlags: input.riskFlags,
      knownPerson: Boolean(known),
      otherOpenReferrals: otherOpenReferralIds.length,
    },
  });
  const personFields = {
    details: referralItem.person,
    identityKey: identityKey(input.person),
    updatedAt: at,
    ...(nhsNumber ? { nhsNumber } : {}),
  };

  const result = (await context.db.service.transaction
    .write(({ referral, person, personNhsNumber, outbox, audit, idempotency }) => [
      referral.create(referralItem).commit(),
      known
        ? person
            .patch({ personId })
            .set(personFields)
            .add({ version: 1, openReferralIds: [referralItem.referralId] })
            .where((attributes, { eq }) => eq(attributes.version, known.version))
            .commit()
        : person
            .create({
              personId,
              version: 1,
              createdAt: at,
              openReferralIds: [referralItem.referralId],
              ...personFields,
            })
            .commit(),
      outbox.create(toOutboxItem(event)).commit(),
      audit
        .create(
          toAuditItem({
            actor,
            action: "referral.create",
            subjectType: "referral",
            subjectId: referralItem.referralId,
            purpose: "New referral",
            outcome: "granted",
            at: now,
          }),
        )
        .commit(),
      ...(claimsNhsNumber && nhsNumber ? [personNhsNumber.create({ nhsNumber, personId }).commit()] : []),
      ...(options.idempotencyKey
        ? [
            idempotency
              .create({
                scope: options.scope,
                key: options.idempotencyKey,
                requestHash: options.requestHash,
                resultId: referralItem.referralId,
                createdAt: at,
                expiresAt: Math.floor(now.getTime() / 1000) + idempotencyWindowSeconds,
              })
              .commit(),
          ]
        : []),
    ])
    .go()) as TransactionResult;

  if (!result.canceled) return { referral: toReferral(referralItem, now) };
  const conflictOnPerson = conditionFailedAt(result, 1) || (claimsNhsNumber && conditionFailedAt(result, 4));
  const conflictOnKey = Boolean(options.idempotencyKey) && conditionFailedAt(result, result.data.length - 1);
  if (conflictOnPerson || conflictOnKey || isTransientCancellation(result)) return {};
  throw new Error(
    `Referral transaction was cancelled: ${JSON.stringify(result.data.map((item) => item.code))}`,
  );
}
