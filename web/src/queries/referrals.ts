import type {
  NeedDomain,
  Priority,
  Referral,
  ReferralStatus,
  RiskFlag,
} from "@linkwork/core/referral/schema";
import { infiniteQueryOptions, queryOptions } from "@tanstack/solid-query";
import { request } from "../api/client";

/** What `GET /api/referrals` narrows by; every one is optional and sent only when set. */
export interface ReferralFilters {
  status?: ReferralStatus | undefined;
  organisationId?: string | undefined;
  priority?: Priority | undefined;
  riskFlag?: RiskFlag | undefined;
  need?: NeedDomain | undefined;
  overdue?: boolean | undefined;
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
  allocationOptions: (id: string) => [...referralKeys.all, "allocation-options", id] as const,
};

export const referralPath = (id: string) => `/api/referrals/${encodeURIComponent(id)}`;

function listPath(filters: ReferralFilters, cursor: string | undefined): string {
  const search = new URLSearchParams();
  if (filters.status) search.set("status", filters.status);
  if (filters.organisationId) search.set("organisationId", filters.organisationId);
  if (filters.priority) search.set("priority", filters.priority);
  if (filters.riskFlag) search.set("riskFlag", filters.riskFlag);
  if (filters.need) search.set("need", filters.need);
  if (filters.overdue) search.set("overdue", "true");
  if (cursor) search.set("cursor", cursor);
  const query = search.toString();
  return query ? `/api/referrals?${query}` : "/api/referrals";
}

/** Referrals the user may see, in the API's order, a page at a time; "Load more" follows its cursor. */
export const referralListQuery = (filters: ReferralFilters) =>
  infiniteQueryOptions({
    queryKey: referralKeys.list(filters),
    queryFn: ({ pageParam, signal }) => request<ReferralPage>(listPath(filters, pageParam), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.cursor,
  });

export function fetchReferral(id: string, signal?: AbortSignal): Promise<Referral> {
  return request<Referral>(referralPath(id), signal ? { signal } : {});
}

export const referralQuery = (id: string) =>
  queryOptions({
    queryKey: referralKeys.detail(id),
    queryFn: ({ signal }) => fetchReferral(id, signal),
  });
