import type { UserActor } from "../actor";
import { areaOf } from "../area/area";
import type { Context } from "../context";
import { viewMdts } from "./mdt-view";
import type { MdtRecord } from "./records";
import type { Mdt } from "./schema";

/** The teams the user belongs to, by name; an admin sees every team of the area. */
export async function listMdts(context: Context, user: UserActor): Promise<Mdt[]> {
  const areaId = areaOf(context);
  const teams = user.roles.includes("admin")
    ? (await context.db.entities.mdt.query.byArea({ areaId }).go({ pages: "all" })).data
    : await teamsOf(context, user.userId);
  return viewMdts(
    context,
    teams.filter((team) => team.areaId === areaId).sort((left, right) => left.name.localeCompare(right.name)),
  );
}

async function teamsOf(context: Context, userId: string): Promise<MdtRecord[]> {
  const memberships = await context.db.entities.mdtMember.query.byUser({ userId }).go({ pages: "all" });
  const teams: MdtRecord[] = [];
  const mdtIds = memberships.data.map((membership) => membership.mdtId);
  for (let start = 0; start < mdtIds.length; start += 100) {
    const batch = mdtIds.slice(start, start + 100).map((mdtId) => ({ mdtId }));
    teams.push(...(await context.db.entities.mdt.get(batch).go()).data);
  }
  return teams;
}
