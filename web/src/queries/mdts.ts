import type { Mdt, Meeting } from "@linkwork/core/mdt/schema";
import { queryOptions } from "@tanstack/solid-query";
import { request } from "../api/client";

export type { Mdt };

/** A meeting as the MDT's list gives it: everything but its agenda. */
export type MeetingSummary = Omit<Meeting, "items"> & { items?: Meeting["items"] };

export const mdtKeys = {
  all: ["mdts"] as const,
  list: () => [...mdtKeys.all, "list"] as const,
  meetings: (mdtId: string) => [...mdtKeys.all, "meetings", mdtId] as const,
};

export const mdtPath = (mdtId: string) => `/api/mdts/${encodeURIComponent(mdtId)}`;

/** The teams the user belongs to (an administrator: every team). */
export const mdtsQuery = () =>
  queryOptions({
    queryKey: mdtKeys.list(),
    queryFn: ({ signal }) => request<{ items: Mdt[] }>("/api/mdts", { signal }),
    select: (data) => data.items,
  });

/** One team's meetings, soonest first, as the API orders them. */
export const mdtMeetingsQuery = (mdtId: string) =>
  queryOptions({
    queryKey: mdtKeys.meetings(mdtId),
    queryFn: ({ signal }) => request<{ items: MeetingSummary[] }>(`${mdtPath(mdtId)}/meetings`, { signal }),
    select: (data) => data.items,
  });
