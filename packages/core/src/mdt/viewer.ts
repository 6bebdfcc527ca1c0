import type { UserActor } from "../actor";
import type { Context } from "../context";
import type { OrganisationKind } from "../organisation/schema";

/** Who is looking at an agenda: what their organisation is decides how much of each person they see. */
export interface AgendaViewer {
  user: UserActor;
  organisationKind: OrganisationKind | undefined;
  now: Date;
}

export async function agendaViewer(context: Context, user: UserActor): Promise<AgendaViewer> {
  const { data } = await context.db.entities.organisation.get({ organisationId: user.organisationId }).go();
  return { user, organisationKind: data?.kind, now: context.clock.now() };
}
