import type { UserActor } from "../actor";
import type { Context } from "../context";
import { viewMdt } from "./mdt-view";
import { loadMdtForViewer } from "./meeting-access";
import type { Mdt } from "./schema";

/** One team, for its members and admins; 404 for anyone else. */
export async function getMdt(context: Context, user: UserActor, mdtId: string): Promise<Mdt> {
  const { mdt } = await loadMdtForViewer(context, user, mdtId);
  return viewMdt(context, mdt);
}
