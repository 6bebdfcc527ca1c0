import type { UserActor } from "../actor";
import type { Context } from "../context";
import type { Referral } from "./schema";
import { transitionReferral } from "./transition";

export type AssignInput =
  | { type: "assign"; version: number; linkWorkerId: string }
  | { type: "reassign"; version: number; linkWorkerId: string; reason: string };

/**
 * A manager puts an accepted referral on a named link worker's caseload, or moves a case to another
 * of their workers. The lifecycle checks the worker is an active link worker of the referral's
 * organisation, after the policy has said the manager may see the referral (so another
 * organisation hears 404, whoever they name); the place on the worker's caseload is taken in the
 * same transaction, conditional on their limit, exactly as when a worker picks a referral up.
 */
export async function assignReferral(
  context: Context,
  manager: UserActor,
  referralId: string,
  input: AssignInput,
): Promise<Referral> {
  const worker = (await context.db.entities.user.get({ userId: input.linkWorkerId }).go()).data;
  const named = {
    linkWorkerId: input.linkWorkerId,
    linkWorkerName: worker?.name ?? "The link worker",
    linkWorker: worker
      ? { organisationId: worker.organisationId, roles: worker.roles, active: worker.active }
      : undefined,
  };
  return transitionReferral(
    context,
    manager,
    referralId,
    input.version,
    input.type === "assign"
      ? { type: "assign", ...named }
      : { type: "reassign", ...named, reason: input.reason },
  );
}
