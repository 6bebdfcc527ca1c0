import type { UserActor } from "@linkwork/core/actor";
import { isAppError } from "@linkwork/core/util/errors";
import { team } from "../support/world";

/** Someone as the use cases take them: a signed-in user. */
export const asUser = (person: Omit<UserActor, "type">): UserActor => ({ type: "user", ...person });

/** The seeded staff the MDT tests work as: the admin, the chairing GP and the two link workers. */
export const admin = asUser(team.admin);
export const gp = asUser(team.gp);
export const pcnWorker = asUser(team.pcnWorker);
export const vcsWorker = asUser(team.vcsWorker);

/** The code of the error a rejected promise carries, or "ok"; anything not an app error is thrown on. */
export async function errorCodeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}
