import type { QueryClient } from "@tanstack/solid-query";
import { mdtKeys } from "./mdts";
import { type AgendaItem, type Meeting, meetingKeys } from "./meeting";

/** Puts one item as the API returned it into the cached meeting, unless the cache already has newer. */
export function cacheItem(queryClient: QueryClient, item: AgendaItem): void {
  queryClient.setQueryData<Meeting>(meetingKeys.detail(item.meetingId), (meeting) => {
    if (!meeting) return meeting;
    const known = meeting.items.find((existing) => existing.id === item.id);
    if (known && known.version >= item.version) return meeting;
    const items = known
      ? meeting.items.map((existing) => (existing.id === item.id ? item : existing))
      : [...meeting.items, item];
    return { ...meeting, items };
  });
}

/** After any change to a meeting: everything read about it refetches, and the team's list of meetings. */
export function refreshMeeting(
  queryClient: QueryClient,
  meeting: Pick<Meeting, "id" | "mdtId">,
): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: meetingKeys.meeting(meeting.id) }),
    queryClient.invalidateQueries({ queryKey: mdtKeys.meetings(meeting.mdtId) }),
  ]);
}
