import type { Referral, ReferralStatus } from "@linkwork/core/referral/schema";
import { infiniteQueryOptions, queryOptions } from "@tanstack/solid-query";
import { request } from "../api/client";

export interface ReferralFilters {
  status?: ReferralStatus | undefined;
  organisationId?: string | undefined;
}

interface ReferralPage {
  items: Referral[];
  cursor?: string;
}

export const referralKeys = {
  all: ["referrals"] as const,
  lists: () => [...referralKeys.all, "list"] as const,
  list: (filters: ReferralFilters) => [...referralKeys.lists(), filters] as const,
  detail: (id: string) => [...referralKeys.all, "detail", id] as const,
  timeline: (id: string) => [...referralKeys.all, "timeline", id] as const,
};

function listPath(filters: ReferralFilters, cursor: string | undefined): string {
  const search = new URLSearchParams();
  if (filters.status) search.set("status", filters.status);
  if (filters.organisationId) search.set("organisationId", filters.organisationId);
  if (cursor) search.set("cursor", cursor);
  const query = search.toString();
  return query ? `/api/referrals?${query}` : "/api/referrals";
}

/** Referrals the user may see, a page at a time; "Load more" follows the API's cursor. */
export const referralListQuery = (filters: ReferralFilters) =>
  infiniteQueryOptions({
    queryKey: referralKeys.list(filters),
    queryFn: ({ pageParam, signal }) => request<ReferralPage>(listPath(filters, pageParam), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.cursor,
  });

export const referralQuery = (id: string) =>
  queryOptions({
    queryKey: referralKeys.detail(id),
    queryFn: ({ signal }) => request<Referral>(`/api/referrals/${encodeURIComponent(id)}`, { signal }),
  });
