import type { UserActor } from "../actor";
import { recordAudit } from "../audit/record";
import type { Context } from "../context";
import { seesOtherRecords } from "../referral/domain/access";
import { readReferral } from "../referral/read";
import { Forbidden, NotFound } from "../util/errors";
import type { PersonMatch } from "./requests";

/**
 * A referral's possible match with the existing person's details beside it, for a coordinator to
 * decide. Opening it reads that person's record, so that read is audited against them too.
 */
export async function readPossibleMatch(
  context: Context,
  user: UserActor,
  referralId: string,
): Promise<PersonMatch> {
  if (!seesOtherRecords(user)) throw Forbidden("Only triage coordinators see possible matches");
  await readReferral(context, user, referralId, "person.match.read");
  const { personMatch, person } = context.db.entities;
  const match = await personMatch.get({ referralId }).go({ consistent: true });
  if (!match.data) throw NotFound("A possible match for this referral");
  const candidate = await person.get({ personId: match.data.candidatePersonId }).go({ consistent: true });
  if (!candidate.data) throw NotFound("The existing person");
  await recordAudit(context, [
    {
      actor: user,
      action: "person.match.read",
      subjectType: "person",
      subjectId: candidate.data.personId,
      purpose: `Possible match for referral ${referralId}`,
      outcome: "granted",
      at: context.clock.now(),
    },
  ]);
  const { details } = candidate.data;
  return {
    referralId,
    status: match.data.status,
    basis: match.data.basis,
    differences: match.data.differences,
    candidate: {
      personId: candidate.data.personId,
      ...(candidate.data.nhsNumber ? { nhsNumber: candidate.data.nhsNumber } : {}),
      givenName: details.givenName,
      familyName: details.familyName,
      dateOfBirth: details.dateOfBirth,
      postcode: details.postcode,
      ...(details.phone ? { phone: details.phone } : {}),
      ...(details.email ? { email: details.email } : {}),
      openReferrals: candidate.data.openReferralIds?.length ?? 0,
    },
    ...(match.data.resolvedAt ? { resolvedAt: match.data.resolvedAt } : {}),
    ...(match.data.resolvedBy ? { resolvedBy: match.data.resolvedBy } : {}),
  };
}
