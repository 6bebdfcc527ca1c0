import type { UserActor } from "../actor";
import type { Context } from "../context";
import type { AgendaRelationship, MdtMembership } from "../policy/domain/relationships";

/** The teams the user belongs to (the chair's included), one query of their memberships. */
export async function mdtRelationships(
  context: Context,
  user: Pick<UserActor, "userId">,
): Promise<{ memberOf: MdtMembership[] }> {
  const memberships = await context.db.entities.mdtMember.query
    .byUser({ userId: user.userId })
    .go({ pages: "all" });
  return {
    memberOf: memberships.data.map((membership) => ({ mdtId: membership.mdtId, chair: membership.chair })),
  };
}

/**
 * Whether the referral's person is on an agenda of a meeting of a team the user belongs to, and
 * that listing still gives access (until 30 days after the meeting ended): the listing with the
 * latest end of access, or undefined. The referral's listings still open and the user's
 * memberships are read at once.
 */
export async function agendaRelationship(
  context: Context,
  user: Pick<UserActor, "userId">,
  referralId: string,
): Promise<AgendaRelationship | undefined> {
  const now = context.clock.now().toISOString();
  const [listings, relationships] = await Promise.all([
    context.db.entities.agendaItem.query
      .byReferral({ referralId })
      .gt({ accessUntil: now })
      .go({ pages: "all" }),
    mdtRelationships(context, user),
  ]);
  const teams = new Set(relationships.memberOf.map((membership) => membership.mdtId));
  const open = listings.data
    .filter((listing) => teams.has(listing.mdtId) && listing.accessUntil > now)
    .sort((left, right) => right.accessUntil.localeCompare(left.accessUntil));
  const latest = open[0];
  return latest ? { mdtId: latest.mdtId, meetingId: latest.meetingId, until: latest.accessUntil } : undefined;
}
