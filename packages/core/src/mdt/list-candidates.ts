import type { UserActor } from "../actor";
import { areaOf } from "../area/area";
import { recordAudit } from "../audit/record";
import type { Context } from "../context";
import type { ReferralItem } from "../referral/mapper";
import { openStatuses } from "../referral/schema";
import { agendaAudit } from "./agenda-audit";
import { agendaRiskFlags, candidateWhy, isCandidate } from "./domain/agenda-candidates";
import { seesIdentity } from "./domain/meeting-rules";
import { ageToday, initialsOf } from "./domain/person-summary";
import { loadMeetingAsMember } from "./meeting-access";
import type { Candidate } from "./schema";
import { agendaViewer } from "./viewer";

/**
 * The people the team should consider for this meeting: open referrals at the team's practices
 * flagged high risk of admission, frequent attender, safeguarding or crisis, each with why, less
 * those already on the agenda. For members only; each person shown is audited.
 *
 * Read from the area's open-referral index (one partition per open status), filtered in DynamoDB
 * to the team's practices and flags. A team prepares a meeting a few times a month, so reading the
 * area's open referrals then costs less than another index kept on every referral write.
 */
export async function listCandidates(
  context: Context,
  user: UserActor,
  meetingId: string,
): Promise<Candidate[]> {
  const access = await loadMeetingAsMember(context, user, meetingId, "meeting.candidates.read");
  const { mdt } = access;
  const listed = new Set(access.items.map((item) => item.referralId));
  const [flagged, viewer, practiceNames] = await Promise.all([
    flaggedReferrals(context, mdt.practices),
    agendaViewer(context, user),
    namesOfPractices(context, mdt.practices),
  ]);
  const candidates = flagged
    .filter((referral) => isCandidate(referral, mdt.practices) && !listed.has(referral.referralId))
    .sort(
      (left, right) => flagCount(right) - flagCount(left) || left.receivedAt.localeCompare(right.receivedAt),
    );
  await recordAudit(
    context,
    agendaAudit(
      user,
      access,
      candidates.map((referral) => referral.referralId),
      "meeting.candidates.read",
      "Candidate for the agenda",
      viewer.now,
    ),
  );
  return candidates.map((referral) => {
    const { person } = referral;
    const age = ageToday(person.dateOfBirth, viewer.now);
    return {
      referralId: referral.referralId,
      name: seesIdentity(viewer.organisationKind, referral.consent)
        ? `${person.givenName} ${person.familyName}`
        : initialsOf(person.givenName, person.familyName),
      ...(age !== undefined ? { age } : {}),
      riskFlags: referral.riskFlags,
      why: candidateWhy(referral, referral.practiceOds ? practiceNames.get(referral.practiceOds) : undefined),
    };
  });
}

const flagCount = (referral: ReferralItem) =>
  referral.riskFlags.filter((flag) => agendaRiskFlags.includes(flag)).length;

async function flaggedReferrals(context: Context, practices: readonly string[]): Promise<ReferralItem[]> {
  const areaId = areaOf(context);
  const pages = await Promise.all(
    openStatuses.map((status) =>
      context.db.entities.referral.query
        .byStatus({ areaId, status })
        .where(
          (attributes, { eq, contains }) =>
            `(${practices.map((ods) => eq(attributes.practiceOds, ods)).join(" OR ")}) AND (${agendaRiskFlags
              .map((flag) => contains(attributes.riskFlags, flag))
              .join(" OR ")})`,
        )
        .go({ pages: "all" }),
    ),
  );
  return pages.flatMap((page) => page.data);
}

async function namesOfPractices(context: Context, practices: readonly string[]) {
  const found = await context.db.entities.practice.get(practices.map((odsCode) => ({ odsCode }))).go();
  return new Map(found.data.map((practice) => [practice.odsCode, practice.name]));
}
