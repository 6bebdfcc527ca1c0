import { type UserActor, useUser } from "../actor";
import type { Context } from "../context";
import { mdtRelationships } from "../mdt/relationships";
import { Forbidden } from "../util/errors";
import { agendaGrants, mayEver, type ReferralNeed } from "./domain/referral-policy";
import { noRelationships } from "./domain/relationships";
import { mayDoStaffWork, type StaffNeed } from "./domain/staff-policy";

/**
 * Whether the user could ever do this to any referral: by role, or, for what an agenda listing
 * gives, by belonging to an MDT (looked up only when no role gives it).
 */
export async function mayEverDo(context: Context, user: UserActor, need: ReferralNeed): Promise<boolean> {
  if (mayEver(user, need, noRelationships)) return true;
  if (!agendaGrants.includes(need)) return false;
  return mayEver(user, need, await mdtRelationships(context, user));
}

/** The signed-in caller, if their role gives this work; otherwise 403. */
export function requireCapability(need: StaffNeed): UserActor {
  const user = useUser();
  if (!mayDoStaffWork(user, need)) throw Forbidden();
  return user;
}

/**
 * The signed-in caller, if they could ever do this to a referral; otherwise 403 before anything is
 * read, so the answer is the same whether or not the referral exists.
 */
export async function requireReferralCapability(
  context: Context,
  need: ReferralNeed,
  message?: string,
): Promise<UserActor> {
  const user = useUser();
  if (!(await mayEverDo(context, user, need))) throw Forbidden(message);
  return user;
}
