import type { UserActor } from "../actor";
import type { Context } from "../context";
import { createEvent, toOutboxItem } from "../event/outbox";
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
  const now = context.clock.now();
  // Published, so every MDT board showing this worker's free places updates.
  const event = createEvent("user.capacity_changed", {
    actor: manager,
    at: now,
    subject: { type: "user", id: userId },
    data: {
      organisationId: manager.organisationId,
      caseloadLimit: input.caseloadLimit,
      ...(existing.data.caseloadLimit !== undefined
        ? { previousCaseloadLimit: existing.data.caseloadLimit }
        : {}),
    },
  });
  const result = await context.db.service.transaction
    .write(({ user, outbox }) => [
      user
        .patch({ userId })
        .set({ caseloadLimit: input.caseloadLimit, updatedAt: now.toISOString() })
        .add({ version: 1 })
        .where(
          (attributes, { eq }) =>
            `${eq(attributes.organisationId, manager.organisationId)} AND ${eq(attributes.version, currentVersion)}`,
        )
        .commit(),
      outbox.create(toOutboxItem(event)).commit(),
    ])
    .go();
  if (result.canceled) {
    const latest = await user.get({ userId }).go({ consistent: true });
    throw VersionConflict(latest.data?.version ?? currentVersion);
  }
  return toCapacity({
    ...existing.data,
    caseloadLimit: input.caseloadLimit,
    version: currentVersion + 1,
  });
}
