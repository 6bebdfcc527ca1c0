import type { SearchResults } from "@linkwork/core/search/schema";
import { queryOptions } from "@tanstack/solid-query";
import { request } from "../api/client";

export const searchKeys = { all: ["search"] as const, of: (q: string) => ["search", q] as const };

/** The referrals the signed-in member of staff may see that match what they typed. */
export const searchQuery = (q: string) =>
  queryOptions({
    queryKey: searchKeys.of(q),
    queryFn: ({ signal }) => request<SearchResults>(`/api/search?q=${encodeURIComponent(q)}`, { signal }),
    // A search shows people's records: asked again whenever the page asks, never kept long.
    staleTime: 0,
    gcTime: 60_000,
    retry: false,
  });
