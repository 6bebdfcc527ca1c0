import type { Context } from "../context";
import type { OrganisationSummary } from "./schema";

/** Every organisation, with the free capacity of its active link workers. */
export async function listOrganisations(context: Context): Promise<OrganisationSummary[]> {
  const { organisation, user } = context.db.entities;
  const organisations = await organisation.query.all({}).go({ pages: "all" });
  return Promise.all(
    organisations.data.map(async (item) => {
      const members = await user.query
        .byOrganisation({ organisationId: item.organisationId })
        .go({ pages: "all" });
      const linkWorkers = members.data.filter(
        (member) => member.active && member.roles.includes("link_worker"),
      );
      const freeCapacity = linkWorkers.reduce(
        (total, worker) => total + Math.max(0, (worker.caseloadLimit ?? 0) - worker.activeCaseload),
        0,
      );
      return {
        id: item.organisationId,
        name: item.name,
        kind: item.kind,
        ...(item.odsCode ? { odsCode: item.odsCode } : {}),
        acceptsReferrals: item.acceptsReferrals,
        freeCapacity,
        linkWorkers: linkWorkers.length,
      };
    }),
  );
}
