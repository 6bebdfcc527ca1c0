import type { OrganisationSummary } from "@linkwork/core/organisation/schema";
import { queryOptions } from "@tanstack/solid-query";
import { request } from "../api/client";

export const organisationsQuery = () =>
  queryOptions({
    queryKey: ["organisations"] as const,
    queryFn: ({ signal }) => request<{ items: OrganisationSummary[] }>("/api/organisations", { signal }),
    staleTime: 5 * 60_000,
    select: (data) => data.items,
  });

export function findOrganisation(
  organisations: readonly OrganisationSummary[] | undefined,
  organisationId: string | undefined,
): OrganisationSummary | undefined {
  return organisations?.find((organisation) => organisation.id === organisationId);
}
