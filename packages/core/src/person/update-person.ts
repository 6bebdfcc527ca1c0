import type { UserActor } from "../actor";
import { toAuditItem } from "../audit/record";
import type { Context } from "../context";
import { conditionFailedAt, type TransactionResult } from "../db/transaction";
import { seesOtherRecords } from "../referral/domain/access";
import { Forbidden, InvalidTransition, NotFound, ValidationFailed, VersionConflict } from "../util/errors";
import { issuesToDetails } from "../util/validation";
import { identityKey } from "./domain/identity-match";
import { toPersonRecord } from "./record-view";
import { type PersonRecord, PersonUpdateRequest } from "./requests";
import { PersonDetails } from "./schema";

/**
 * The one way a stored person record changes its details: a triage coordinator's explicit,
 * version-checked, audited update. Referrals never change it; each keeps its own copy as given.
 */
export async function updatePerson(
  context: Context,
  user: UserActor,
  personId: string,
  request: PersonUpdateRequest,
): Promise<PersonRecord> {
  if (!seesOtherRecords(user)) throw Forbidden("Only triage coordinators change a person's stored record");
  const parsed = PersonUpdateRequest.safeParse(request);
  if (!parsed.success) throw ValidationFailed(issuesToDetails(parsed.error.issues));
  const { version, details: changes, remove = [] } = parsed.data;
  const { person } = context.db.entities;
  const found = await person.get({ personId }).go({ consistent: true });
  if (!found.data) throw NotFound("The person");
  const current = found.data;
  if (current.mergedInto)
    throw InvalidTransition(
      "This record was found to be someone already known: change theirs",
      current.version,
    );
  if (current.version !== version) throw VersionConflict(current.version);

  const now = context.clock.now();
  const at = now.toISOString();
  const kept: Record<string, unknown> = { ...current.details };
  for (const name of remove) delete kept[name];
  const merged = PersonDetails.safeParse({
    ...kept,
    ...changes,
    ...(current.nhsNumber ? { nhsNumber: current.nhsNumber } : {}),
  });
  if (!merged.success) throw ValidationFailed(issuesToDetails(merged.error.issues));
  const details = merged.data;
  const result = (await context.db.service.transaction
    .write(({ person: people, audit }) => [
      people
        .patch({ personId })
        .set({ details, identityKey: identityKey(details), updatedAt: at })
        .add({ version: 1 })
        .where((attributes, { eq }) => eq(attributes.version, version))
        .commit(),
      audit
        .create(
          toAuditItem({
            actor: user,
            action: "person.update",
            subjectType: "person",
            subjectId: personId,
            purpose: correctionPurpose(Object.keys(changes), remove),
            outcome: "granted",
            at: now,
          }),
        )
        .commit(),
    ])
    .go()) as TransactionResult;
  if (result.canceled) {
    if (conditionFailedAt(result, 0)) {
      const latest = await person.get({ personId }).go({ consistent: true });
      throw VersionConflict(latest.data?.version ?? version + 1);
    }
    // Another write to this record was in flight at the same moment: the caller loads it again.
    throw VersionConflict(current.version);
  }
  return toPersonRecord({
    ...current,
    details,
    identityKey: identityKey(details),
    updatedAt: at,
    version: version + 1,
  });
}

/** "Correcting the person's record: postcode; removing email, phone". */
function correctionPurpose(changed: string[], removed: string[]): string {
  const parts = [
    ...(changed.length > 0 ? [[...changed].sort().join(", ")] : []),
    ...(removed.length > 0 ? [`removing ${[...new Set(removed)].sort().join(", ")}`] : []),
  ];
  return `Correcting the person's record: ${parts.join("; ")}`;
}
