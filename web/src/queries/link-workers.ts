import { queryOptions } from "@tanstack/solid-query";
import { request } from "../api/client";

export interface LinkWorkerCapacity {
  userId: string;
  name: string;
  caseloadLimit: number;
  activeCaseload: number;
  freeCapacity: number;
  version: number;
}

export const linkWorkerKeys = {
  all: ["link-workers"] as const,
  ofOrganisation: (organisationId: string) => [...linkWorkerKeys.all, organisationId] as const,
};

/** An organisation's link workers and how full their caseloads are. */
export const linkWorkersQuery = (organisationId: string) =>
  queryOptions({
    queryKey: linkWorkerKeys.ofOrganisation(organisationId),
    queryFn: ({ signal }) =>
      request<{ items: LinkWorkerCapacity[] }>(
        `/api/organisations/${encodeURIComponent(organisationId)}/link-workers`,
        { signal },
      ),
    select: (data) => data.items,
  });
