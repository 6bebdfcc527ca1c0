import { queryOptions } from "@tanstack/solid-query";
import { request } from "../api/client";
import { referralKeys } from "./referrals";

export interface TimelineEntry {
  id: string;
  type: string;
  at: string;
  actorId?: string;
  /** The member of staff's name as it was when they acted. */
  actorName?: string;
  data: Record<string, unknown>;
}

/**
 * A referral's timeline, oldest first. Entries arrive through the event pipeline a moment after
 * the change itself, so an empty timeline is checked again shortly rather than shown as final.
 */
export const referralTimelineQuery = (id: string) =>
  queryOptions({
    queryKey: referralKeys.timeline(id),
    queryFn: ({ signal }) =>
      request<{ items: TimelineEntry[] }>(`/api/referrals/${encodeURIComponent(id)}/timeline`, { signal }),
    select: (data) => data.items,
    refetchInterval: (query) =>
      (query.state.data?.items.length ?? 0) === 0 && query.state.dataUpdateCount < 60 ? 2_000 : false,
  });
