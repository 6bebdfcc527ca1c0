import type { Role } from "../../user/role";

/** Who is asking: a signed-in user (a `UserActor` or a lifecycle `Performer` fits). */
export interface PolicyActor {
  userId: string;
  roles: readonly Role[];
  organisationId: string;
}

/** The actor belongs to this MDT, whatever their role; the chair too. */
export interface MdtMembership {
  mdtId: string;
  chair: boolean;
}

/**
 * The referral's person is on an agenda of a meeting of an MDT the actor belongs to, and that
 * listing still gives access (until 30 days after the meeting ended).
 */
export interface AgendaRelationship {
  mdtId: string;
  meetingId: string;
  until: string;
}

/**
 * The actor's relationships beyond what the subject's own fields say (organisation, caseload and
 * own referrals are read from the subject itself). Loaded by the I/O side only when needed: an
 * empty `memberOf` means "not known to be a member", never "known not to be".
 */
export interface Relationships {
  memberOf: readonly MdtMembership[];
  agenda?: AgendaRelationship | undefined;
}

export const noRelationships: Relationships = { memberOf: [] };

/** A member of at least one MDT: a listing on their agenda implies it. */
export function belongsToAnyMdt(relationships: Relationships): boolean {
  return relationships.memberOf.length > 0 || relationships.agenda !== undefined;
}

export function membershipOf(relationships: Relationships, mdtId: string): MdtMembership | undefined {
  return relationships.memberOf.find((membership) => membership.mdtId === mdtId);
}
