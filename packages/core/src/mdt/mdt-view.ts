import type { Context } from "../context";
import type { MdtRecord } from "./records";
import type { Mdt } from "./schema";

/** The users named by these teams, by id, read in batches. */
async function usersOf(context: Context, userIds: readonly string[]) {
  const unique = [...new Set(userIds)];
  const found = new Map<string, { name: string; organisationId: string }>();
  for (let start = 0; start < unique.length; start += 100) {
    const batch = unique.slice(start, start + 100);
    const result = await context.db.entities.user.get(batch.map((userId) => ({ userId }))).go();
    for (const user of result.data)
      found.set(user.userId, { name: user.name, organisationId: user.organisationId });
  }
  return found;
}

/** Teams as the API shows them: each member named, with their organisation, the chair first. */
export async function viewMdts(context: Context, teams: readonly MdtRecord[]): Promise<Mdt[]> {
  const users = await usersOf(
    context,
    teams.flatMap((team) => team.memberUserIds),
  );
  return teams.map((team) => ({
    id: team.mdtId,
    name: team.name,
    practices: team.practices,
    chairUserId: team.chairUserId,
    cadenceDays: team.cadenceDays,
    members: [team.chairUserId, ...team.memberUserIds.filter((userId) => userId !== team.chairUserId)].map(
      (userId) => ({
        userId,
        name: users.get(userId)?.name ?? "Former member",
        organisationId: users.get(userId)?.organisationId ?? "",
      }),
    ),
    version: team.version,
  }));
}

export async function viewMdt(context: Context, team: MdtRecord): Promise<Mdt> {
  const [view] = await viewMdts(context, [team]);
  if (!view) throw new Error(`No view of MDT ${team.mdtId}`);
  return view;
}
