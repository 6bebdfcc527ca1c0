import type { UserActor } from "../actor";
import type { Context } from "../context";
import { isConditionalCheckFailure } from "../db/transaction";
import { NotFound, VersionConflict } from "../util/errors";

export interface LinkWorkerCapacity {
  userId: string;
  name: string;
  caseloadLimit: number;
  activeCaseload: number;
  freeCapacity: number;
  version: number;
}

function toCapacity(item: {
  userId: string;
  name: string;
  caseloadLimit?: number | undefined;
  activeCaseload: number;
  version: number;
}): LinkWorkerCapacity {
  const caseloadLimit = item.caseloadLimit ?? 0;
  return {
    userId: item.userId,
    name: item.name,
    caseloadLimit,
    activeCaseload: item.activeCaseload,
    freeCapacity: Math.max(0, caseloadLimit - item.activeCaseload),
    version: item.version,
  };
}

/** The link workers of the manager's own organisation, with their caseloads. */
export async function listLinkWorkers(context: Context, manager: UserActor, organisationId: string) {
  if (organisationId !== manager.organisationId && !manager.roles.includes("triage_coordinator")) {
    throw NotFound("The organisation");
  }
  const members = await context.db.entities.user.query
    .byOrganisation({ organisationId })
    .go({ pages: "all" });
  return members.data
    .filter((member) => member.active && member.roles.includes("link_worker"))
    .map(toCapacity);
}

/**
 * Sets a link worker's caseload limit. Only their own organisation's manager may: the write is
 * conditional on the worker still belonging to it (and on the version, when one is given).
 * A limit below the current caseload is allowed; it only stops new claims.
 */
export async function setCaseloadLimit(
  context: Context,
  manager: UserActor,
  userId: string,
  input: { caseloadLimit: number; version?: number | undefined },
): Promise<LinkWorkerCapacity> {
  const { user } = context.db.entities;
  const existing = await user.get({ userId }).go({ consistent: true });
  if (
    !existing.data ||
    existing.data.organisationId !== manager.organisationId ||
    !existing.data.roles.includes("link_worker")
  ) {
    throw NotFound("The link worker");
  }
  const currentVersion = existing.data.version;
  if (input.version !== undefined && input.version !== currentVersion) throw VersionConflict(currentVersion);
  try {
    const updated = await user
      .patch({ userId })
      .set({ caseloadLimit: input.caseloadLimit, updatedAt: context.clock.now().toISOString() })
      .add({ version: 1 })
      .where(
        (attributes, { eq }) =>
          `${eq(attributes.organisationId, manager.organisationId)} AND ${eq(attributes.version, currentVersion)}`,
      )
      .go({ response: "all_new" });
    return toCapacity(updated.data as Parameters<typeof toCapacity>[0]);
  } catch (error) {
    if (isConditionalCheckFailure(error)) {
      const latest = await user.get({ userId }).go({ consistent: true });
      throw VersionConflict(latest.data?.version ?? currentVersion);
    }
    throw error;
  }
}
