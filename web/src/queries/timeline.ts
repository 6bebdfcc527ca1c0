import { queryOptions } from "@tanstack/solid-query";
import { request } from "../api/client";
import { referralKeys, referralPath } from "./referrals";

export interface TimelineEntry {
  id: string;
  type: string;
  at: string;
  actorId?: string;
  /** The member of staff's name as it was when they acted. */
  actorName?: string;
  data: Record<string, unknown>;
}

/** Checks again this often while the timeline is behind the referral, for at most about two minutes. */
const catchUpInterval = 1_500;
const catchUpChecks = 80;

/**
 * A referral's timeline, oldest first. Entries arrive through the event pipeline a moment after
 * the change itself, so while the newest entry is older than the referral's last change
 * (`changedAt`), it is checked again shortly rather than shown as final.
 */
export const referralTimelineQuery = (id: string, changedAt?: string) =>
  queryOptions({
    queryKey: referralKeys.timeline(id),
    queryFn: ({ signal }) => request<{ items: TimelineEntry[] }>(`${referralPath(id)}/timeline`, { signal }),
    select: (data) => data.items,
    refetchInterval: (query) => {
      const items = query.state.data?.items ?? [];
      const newest = items.at(-1)?.at;
      const behind = newest === undefined || (changedAt !== undefined && newest < changedAt);
      return behind && query.state.dataUpdateCount < catchUpChecks ? catchUpInterval : false;
    },
  });
