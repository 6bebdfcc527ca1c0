import type { UserActor } from "../actor";
import { toAuditItem } from "../audit/record";
import type { Context } from "../context";
import { transactWrite } from "../db/transact";
import { conditionFailedAt, isTransientCancellation } from "../db/transaction";
import { createEvent, toOutboxItem } from "../event/outbox";
import type { ReferralItem } from "../referral/mapper";
import { openStatuses, type Referral } from "../referral/schema";
import { viewReferral } from "../referral/view";
import { referralUpdate } from "../referral/write";
import { InvalidTransition, VersionConflict } from "../util/errors";
import { latestVersion, loadPendingMatch, type PersonMatchItem } from "./pending-match";

const maxAttempts = 4;
/** Each referral moved adds two items to the one transaction, which holds at most 100. */
const maxReferralsMoved = 40;

/**
 * A coordinator confirms the referral is about the person already known. The referral moves to
 * their record, and the record it was given on arrival is marked as merged into theirs. The known
 * record's details do not change, except that it takes the NHS number the referral brought when
 * it had none: a coordinator corrects details with an explicit update of the record.
 */
export async function confirmPossibleMatch(
  context: Context,
  user: UserActor,
  referralId: string,
  version: number,
): Promise<Referral> {
  for (let attempt = 1; ; attempt++) {
    const { referral, match } = await loadPendingMatch(context, user, referralId, version);
    const outcome = await commit(context, user, referral, match);
    if (outcome) return outcome;
    if (attempt >= maxAttempts) throw VersionConflict(await latestVersion(context, referralId, version));
  }
}

async function commit(
  context: Context,
  user: UserActor,
  referral: ReferralItem,
  match: PersonMatchItem,
): Promise<Referral | undefined> {
  const { person } = context.db.entities;
  const [ownRecord, candidate] = await Promise.all([
    person.get({ personId: match.personId }).go({ consistent: true }),
    survivingRecord(context, match.candidatePersonId),
  ]);
  const own = ownRecord.data;
  if (!own || !candidate || candidate.personId === own.personId) {
    throw InvalidTransition(
      "The existing person's record is no longer in use: say this is not the same person",
      referral.version,
    );
  }
  // Referrals that joined this referral's record since (quoting the same NHS number) are about
  // the same person too: they move with it, each conditional on the version read here.
  const othersOnOwnRecord = [...(own.openReferralIds ?? [])].filter((id) => id !== referral.referralId);
  if (othersOnOwnRecord.length > maxReferralsMoved) {
    throw InvalidTransition(
      `More than ${maxReferralsMoved} referrals share this record: confirm them in smaller steps`,
      referral.version,
    );
  }
  const joined =
    othersOnOwnRecord.length > 0
      ? (
          await context.db.entities.referral
            .get(othersOnOwnRecord.map((id) => ({ referralId: id })))
            .go({ consistent: true })
        ).data
      : [];
  const now = context.clock.now();
  const at = now.toISOString();
  const isOpen = openStatuses.includes(referral.status);
  const movesNhsNumber = own.nhsNumber !== undefined && candidate.nhsNumber === undefined;
  const event = createEvent("referral.possible_match_confirmed", {
    actor: user,
    at: now,
    subject: { type: "referral", id: referral.referralId },
    data: { basis: match.basis },
  });
  const movedItem: ReferralItem = {
    ...referral,
    personId: candidate.personId,
    otherOpenReferralIds: [...(candidate.openReferralIds ?? [])],
    version: referral.version + 1,
    updatedAt: at,
  };
  const movedIds = [...(isOpen ? [referral.referralId] : []), ...joined.map((item) => item.referralId)];

  const related = context.db.service.transaction
    .write(({ person: people, personNhsNumber, personMatch, outbox, audit }) => [
      personMatch
        .patch({ referralId: referral.referralId })
        .set({ status: "confirmed", resolvedAt: at, resolvedBy: user.userId })
        .where((attributes, { eq }) => eq(attributes.status, "pending"))
        .commit(),
      people
        .patch({ personId: candidate.personId })
        .add({ version: 1, ...(movedIds.length > 0 ? { openReferralIds: movedIds } : {}) })
        .set({
          updatedAt: at,
          ...(movesNhsNumber && own.nhsNumber
            ? { nhsNumber: own.nhsNumber, details: { ...candidate.details, nhsNumber: own.nhsNumber } }
            : {}),
        })
        .where((attributes, { eq, notExists }) =>
          movesNhsNumber
            ? `${notExists(attributes.mergedInto)} AND ${eq(attributes.version, candidate.version)}`
            : notExists(attributes.mergedInto),
        )
        .commit(),
      people
        .patch({ personId: own.personId })
        .set({ mergedInto: candidate.personId, updatedAt: at })
        .add({ version: 1 })
        .delete({ openReferralIds: [referral.referralId, ...othersOnOwnRecord] })
        .where((attributes, { eq }) => eq(attributes.version, own.version))
        .commit(),
      outbox.create(toOutboxItem(event)).commit(),
      ...[
        { subjectId: referral.referralId, purpose: "Confirmed as the person already known" },
        ...joined.map((item) => ({
          subjectId: item.referralId,
          purpose: `Moved to the person already known with ${referral.referralId}, on the same record`,
        })),
      ].map((entry) =>
        audit
          .create(
            toAuditItem({
              actor: user,
              action: "person.match.confirm",
              subjectType: "referral",
              ...entry,
              outcome: "granted",
              at: now,
            }),
          )
          .commit(),
      ),
      ...(movesNhsNumber && own.nhsNumber
        ? [
            personNhsNumber
              .patch({ nhsNumber: own.nhsNumber })
              .set({ personId: candidate.personId })
              .where((attributes, { eq }) => eq(attributes.personId, own.personId))
              .commit(),
          ]
        : []),
    ])
    .params();
  const result = await transactWrite(context, [
    referralUpdate(context, referral, movedItem, { version: referral.version }),
    ...related.TransactItems,
    ...joined.map((item) =>
      referralUpdate(
        context,
        item,
        { ...item, personId: candidate.personId, version: item.version + 1, updatedAt: at },
        { version: item.version },
      ),
    ),
  ]);

  if (!result.canceled) return viewReferral(context, user, movedItem);
  if (conditionFailedAt(result, 0))
    throw VersionConflict(await latestVersion(context, referral.referralId, referral.version + 1));
  if (conditionFailedAt(result, 1))
    throw InvalidTransition("Someone has already decided about this possible match", referral.version + 1);
  // One of the person records changed in the meantime: look again.
  if (isTransientCancellation(result) || result.data.some((item) => item.code === "ConditionalCheckFailed"))
    return undefined;
  throw new Error(
    `Confirming a possible match was cancelled: ${JSON.stringify(result.data.map((item) => item.code))}`,
  );
}

/** Merges a record can go through before its trail is taken to be broken. */
const maxMergeHops = 5;

/**
 * The record a person is kept on now: the one named, or, when that was since found to be someone
 * already known (merged), the record it was merged into, followed to the end.
 */
async function survivingRecord(context: Context, personId: string) {
  let id = personId;
  for (let hop = 0; hop <= maxMergeHops; hop++) {
    const record = (await context.db.entities.person.get({ personId: id }).go({ consistent: true })).data;
    if (!record?.mergedInto) return record ?? undefined;
    id = record.mergedInto;
  }
  return undefined;
}
