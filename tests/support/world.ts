import type { UserActor } from "@linkwork/core/actor";
import type { Context } from "@linkwork/core/context";
import { demoOrganisations, demoPractices, demoUsers } from "@linkwork/local/demo-world";

/** The demo world's organisations, practices and staff (no referrals), for tests that need real providers. */
export async function seedStaff(context: Context): Promise<void> {
  const { organisation, practice, user } = context.db.entities;
  const at = context.clock.now().toISOString();
  await Promise.all([
    ...demoOrganisations.map(({ eligibility, ...fields }) =>
      organisation.create({ ...fields, ...eligibility, version: 1, createdAt: at, updatedAt: at }).go(),
    ),
    ...demoPractices.map((item) => practice.create(item).go()),
    ...demoUsers.map((item) =>
      user
        .create({ ...item, version: 1, activeCaseload: 0, active: true, createdAt: at, updatedAt: at })
        .go(),
    ),
  ]);
}

/** Adds a link worker to an organisation, beyond the demo world's staff. */
export async function addLinkWorker(context: Context, worker: Omit<UserActor, "type">, caseloadLimit = 30) {
  const at = context.clock.now().toISOString();
  await context.db.entities.user
    .create({
      ...worker,
      caseloadLimit,
      activeCaseload: 0,
      active: true,
      version: 1,
      createdAt: at,
      updatedAt: at,
    })
    .go();
}

/** Gives people who exist only as token claims (the builders' `people`) the records the API reads them from. */
export async function addUsers(context: Context, users: Omit<UserActor, "type">[]) {
  const at = context.clock.now().toISOString();
  await Promise.all(
    users.map((item) =>
      context.db.entities.user
        .create({ ...item, version: 1, activeCaseload: 0, active: true, createdAt: at, updatedAt: at })
        .go(),
    ),
  );
}

/** A demo user as their token describes them. */
export function staff(email: string): Omit<UserActor, "type"> {
  const found = demoUsers.find((candidate) => candidate.email === email);
  if (!found) throw new Error(`No demo user ${email}`);
  return {
    userId: found.userId,
    email: found.email,
    name: found.name,
    roles: found.roles,
    organisationId: found.organisationId,
  };
}

export const team = {
  coordinator: staff("coordinator@linkwork.test"),
  gp: staff("gp@linkwork.test"),
  pcnManager: staff("manager.pcn@linkwork.test"),
  pcnWorker: staff("worker.pcn@linkwork.test"),
  vcsManager: staff("manager.vcs@linkwork.test"),
  vcsWorker: staff("worker.vcs@linkwork.test"),
  carersWorker: staff("worker.carers@linkwork.test"),
  commissioner: staff("commissioner@linkwork.test"),
  admin: staff("admin@linkwork.test"),
};
