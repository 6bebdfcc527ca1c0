import type { OrganisationKind } from "../../organisation/schema";
import type { Relationships } from "../../policy/domain/relationships";
import { recordRoles } from "../../referral/domain/access";
import type { Role } from "../../user/role";
import type { BoardColumn } from "../schema";

/**
 * The rules of teams and their boards that are not the authorisation policy's (`policy/`, which
 * says who may see and do what): who may be a member, how cards move, how much of a person a
 * member sees, and how long a listing lasts. Pure, over plain facts.
 */
export interface MdtStanding {
  /** In the team's members, the chair included. */
  member: boolean;
  chair: boolean;
  /** An administrator of the area: sees and plans every team's meetings, never the people on them. */
  admin: boolean;
}

export function standingIn(
  team: { chairUserId: string; memberUserIds: readonly string[] },
  user: { userId: string; roles: readonly Role[] },
): MdtStanding {
  // Someone whose role has since changed to one that never sees people keeps no standing in the team.
  const eligible = mayBeMember(user.roles);
  const chair = eligible && team.chairUserId === user.userId;
  return {
    member: chair || (eligible && team.memberUserIds.includes(user.userId)),
    chair,
    admin: user.roles.includes("admin"),
  };
}

/**
 * Who may be in a team: someone whose role ever lets them open a person's record. A commissioner
 * sees aggregates only and an admin runs the service; neither may see the people on an agenda.
 */
export function mayBeMember(roles: readonly Role[]): boolean {
  return roles.some((role) => recordRoles.includes(role));
}

/** The standing as the authorisation policy takes it: membership is a relationship, not a role. */
export function relationshipsFrom(mdtId: string, standing: MdtStanding): Relationships {
  return { memberOf: standing.member ? [{ mdtId, chair: standing.chair }] : [] };
}

export type ColumnMove = { allowed: true } | { allowed: false; reason: string };

/**
 * Decided is where an item goes when its outcome is recorded, and it stays there: a card dragged
 * into Decided without a decision, or out of it after one, would make the summary say something
 * the meeting did not decide.
 */
export function columnMove(item: { column: BoardColumn; decided: boolean }, to: BoardColumn): ColumnMove {
  if (to === item.column) return { allowed: true };
  if (item.decided) return { allowed: false, reason: "A decided item stays in Decided" };
  if (to === "decided") return { allowed: false, reason: "Record the decision to move this into Decided" };
  return { allowed: true };
}

/** Organisations of the NHS, whose members see everyone on the agenda in full. */
export const nhsOrganisationKinds: readonly OrganisationKind[] = ["pcn", "gp_practice", "hub"];

/**
 * Members from outside the NHS (voluntary sector, council, others) see a person's name and SBAR
 * only where the person agreed to share their details with providers; otherwise initials and age.
 */
export function seesIdentity(
  viewerKind: OrganisationKind | undefined,
  consent: { shareWithProviders: boolean },
) {
  return (
    (viewerKind !== undefined && nhsOrganisationKinds.includes(viewerKind)) || consent.shareWithProviders
  );
}

/** Listed items keep the person open to the team until the meeting ends, then for 30 more days. */
export const openAccessUntil = "9999-12-31T00:00:00.000Z";
export const accessDaysAfterMeeting = 30;

export function accessUntilAfter(endedAt: string): string {
  return new Date(Date.parse(endedAt) + accessDaysAfterMeeting * 24 * 60 * 60 * 1000).toISOString();
}

export function listingGivesAccess(accessUntil: string, now: Date): boolean {
  return now.toISOString() < accessUntil;
}
