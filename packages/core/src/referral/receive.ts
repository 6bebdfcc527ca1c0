import { type Actor, actorId, type UserActor } from "../actor";
import { areaOf } from "../area/area";
import { recordAudit, toAuditItem } from "../audit/record";
import type { Context } from "../context";
import { conditionFailedAt, isTransientCancellation, type TransactionResult } from "../db/transaction";
import { createEvent, toOutboxItem } from "../event/outbox";
import { identityKey } from "../person/domain/identity-match";
import { findKnownPerson, type KnownPerson } from "../person/find";
import type { PersonDetails } from "../person/schema";
import { areaTimers } from "../settings/service-levels";
import { AppError, IdempotencyConflict } from "../util/errors";
import { createId } from "../util/id";
import { hashOf } from "../util/stable-json";
import { createReference } from "./reference";
import { scheduleFields } from "./schedule";
import type { Referral, ReferralCreate } from "./schema";
import { viewReferral } from "./view";

const idempotencyWindowSeconds = 24 * 60 * 60;
/** Enough for a burst of referrals for one person to take turns; each retry waits a little longer. */
const maxAttempts = 10;

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

type Receiver = UserActor | Extract<Actor, { type: "public" }>;

/**
 * Takes a referral in: the referral (with the person's details as it gave them), the person's
 * record, its `referral.received` event and an audit entry, committed together or not at all. A
 * known person's record is never changed by a referral: one that agrees with it is attached, one
 * that differs becomes a possible match for a coordinator. A repeated Idempotency-Key returns the
 * first result.
 */
export async function receiveReferral(
  context: Context,
  actor: Receiver,
  input: ReceiveInput,
  options: ReceiveOptions = {},
): Promise<Received> {
  const scope = actorId(actor);
  const requestHash = hashOf(input);

  for (let attempt = 1; ; attempt++) {
    if (options.idempotencyKey) {
      const earlier = await replay(context, actor, scope, options.idempotencyKey, requestHash);
      if (earlier) return { referral: earlier, replayed: true };
    }
    const attemptResult = await attemptReceive(context, actor, input, { ...options, scope, requestHash });
    if (attemptResult.referral) return { referral: attemptResult.referral, replayed: false };
    // Another request changed the person record or took the key first: look again and retry.
    if (attempt >= maxAttempts) {
      throw new AppError(
        "version_conflict",
        "Other referrals for this person arrived at the same moment; send the referral again",
      );
    }
    await backOff(attempt);
  }
}

/** Random, growing waits, so requests that collided do not collide again in step. */
function backOff(attempt: number): Promise<void> {
  const ceiling = Math.min(200, 10 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}

/** A retried request: the referral it created, read again, and audited like any other read. */
async function replay(context: Context, actor: Receiver, scope: string, key: string, requestHash: string) {
  const { entities } = context.db;
  const record = await entities.idempotency.get({ scope, key }).go({ consistent: true });
  if (!record.data) return undefined;
  if (record.data.requestHash !== requestHash) throw IdempotencyConflict();
  const referral = await entities.referral.get({ referralId: record.data.resultId }).go({ consistent: true });
  if (!referral.data)
    throw new Error(`Idempotency record points at a missing referral ${record.data.resultId}`);
  // The public are answered with the reference alone, which shows nothing of the person: only a
  // replay to staff, who get the referral back, is a read to audit (and public replays write nothing).
  if (actor.type === "public") return viewReferral(context, actor, referral.data);
  await recordAudit(context, [
    {
      actor,
      action: "referral.replay",
      subjectType: "referral",
      subjectId: referral.data.referralId,
      purpose: "Repeated request with the same Idempotency-Key",
      outcome: "granted",
      at: context.clock.now(),
    },
  ]);
  return viewReferral(context, actor, referral.data);
}

/** The record a referral's person gets when nobody known matches, or while a possible match waits. */
function newPersonRecord(personId: string, details: PersonDetails, referralId: string, at: string) {
  return {
    personId,
    version: 1,
    details,
    identityKey: identityKey(details),
    openReferralIds: [referralId],
    createdAt: at,
    updatedAt: at,
    ...(details.nhsNumber ? { nhsNumber: details.nhsNumber } : {}),
  };
}

/**
 * The details the referral's own record holds. When the NHS number already belongs to someone
 * whose details differ, this record cannot also hold that number: it stays with the known
 * person until a coordinator decides. Nor does a self-referral's record take the number it quotes:
 * nobody has checked it, and holding it would make the next professional's referral quoting it
 * join this record unasked. The referral keeps the number as given; a coordinator who confirms
 * the person moves it to their record.
 */
function ownRecordDetails(known: KnownPerson, person: PersonDetails, actor: Receiver): PersonDetails {
  const keepsNumber = actor.type !== "public" && (known.kind !== "possible" || known.basis !== "nhs_number");
  if (keepsNumber) return person;
  const { nhsNumber: _nhsNumber, ...rest } = person;
  return rest;
}

async function attemptReceive(
  context: Context,
  actor: Receiver,
  input: ReceiveInput,
  options: ReceiveOptions & { scope: string; requestHash: string },
): Promise<{ referral?: Referral }> {
  const now = context.clock.now();
  const at = now.toISOString();
  const known = await findKnownPerson(context, input.person, actor.type === "public" ? "public" : "staff");
  const referralId = createId("referral", now);
  const attached = known.kind === "same" ? known.person : undefined;
  const personId = attached?.personId ?? createId("person", now);
  const ownDetails = ownRecordDetails(known, input.person, actor);
  const claimsNhsNumber = !attached && ownDetails.nhsNumber !== undefined;
  const otherOpenReferralIds = [...(attached?.openReferralIds ?? [])];
  const timers = await areaTimers(context);

  const referralItem = {
    referralId,
    areaId: areaOf(context),
    reference: createReference(),
    version: 1,
    status: "received" as const,
    source: input.source,
    receivedAt: at,
    updatedAt: at,
    personId,
    person: input.person,
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
  const subject = { type: "referral" as const, id: referralId };
  const received = createEvent("referral.received", {
    actor,
    at: now,
    subject,
    data: {
      referralId,
      source: input.source,
      practiceOds: input.practiceOds,
      needs: input.needs,
      riskFlags: input.riskFlags,
      knownPerson: known.kind === "same",
      otherOpenReferrals: otherOpenReferralIds.length,
    },
  });
  const possibleMatchFound =
    known.kind === "possible"
      ? createEvent("referral.possible_match_found", {
          actor,
          at: now,
          subject,
          data: { basis: known.basis, differences: known.differences },
        })
      : undefined;

  const result = (await context.db.service.transaction
    .write(({ referral, person, personNhsNumber, personMatch, outbox, audit, idempotency }) => [
      referral.create(referralItem).commit(),
      attached
        ? // Attaching changes nothing the referral said: only which referrals are open. Concurrent
          // attachments commute, so they need no version condition, only a record still in use.
          person
            .patch({ personId })
            .add({ version: 1, openReferralIds: [referralId] })
            .set({ updatedAt: at })
            .where((attributes, { notExists }) => notExists(attributes.mergedInto))
            .commit()
        : person.create(newPersonRecord(personId, ownDetails, referralId, at)).commit(),
      outbox.create(toOutboxItem(received)).commit(),
      audit
        .create(
          toAuditItem({
            actor,
            action: "referral.create",
            subjectType: "referral",
            subjectId: referralId,
            purpose: "New referral",
            outcome: "granted",
            at: now,
          }),
        )
        .commit(),
      ...(claimsNhsNumber && ownDetails.nhsNumber
        ? [personNhsNumber.create({ nhsNumber: ownDetails.nhsNumber, personId }).commit()]
        : []),
      ...(known.kind === "possible" && possibleMatchFound
        ? [
            personMatch
              .create({
                referralId,
                personId,
                candidatePersonId: known.candidate.personId,
                basis: known.basis,
                differences: known.differences,
                status: "pending",
                createdAt: at,
              })
              .commit(),
            outbox.create(toOutboxItem(possibleMatchFound)).commit(),
          ]
        : []),
      ...(options.idempotencyKey
        ? [
            idempotency
              .create({
                scope: options.scope,
                key: options.idempotencyKey,
                requestHash: options.requestHash,
                resultId: referralId,
                createdAt: at,
                expiresAt: Math.floor(now.getTime() / 1000) + idempotencyWindowSeconds,
              })
              .commit(),
          ]
        : []),
    ])
    .go()) as TransactionResult;

  if (!result.canceled) {
    return { referral: await viewReferral(context, actor, referralItem) };
  }
  const conflictOnPerson = conditionFailedAt(result, 1) || (claimsNhsNumber && conditionFailedAt(result, 4));
  const conflictOnKey = Boolean(options.idempotencyKey) && conditionFailedAt(result, result.data.length - 1);
  if (conflictOnPerson || conflictOnKey || isTransientCancellation(result)) return {};
  throw new Error(
    `Referral transaction was cancelled: ${JSON.stringify(result.data.map((item) => item.code))}`,
  );
}
