import type { Candidate, Meeting, SummaryEntry } from "@linkwork/core/mdt/schema";
import { queryOptions } from "@tanstack/solid-query";
import { request } from "../api/client";

export type { Meeting };
export type AgendaItem = Meeting["items"][number];
/** A schema's output type, as `z.infer` gives it, without the web app depending on zod itself. */
type Output<Schema extends { _zod: { output: unknown } }> = Schema["_zod"]["output"];
export type MeetingCandidate = Output<typeof Candidate>;
export type MeetingSummaryEntry = Output<typeof SummaryEntry>;

/**
 * Everything read about one meeting sits under `["meetings", meetingId]`, so a live notice about
 * that meeting refetches exactly these and nothing else.
 */
export const meetingKeys = {
  all: ["meetings"] as const,
  meeting: (meetingId: string) => [...meetingKeys.all, meetingId] as const,
  detail: (meetingId: string) => [...meetingKeys.meeting(meetingId), "detail"] as const,
  candidates: (meetingId: string) => [...meetingKeys.meeting(meetingId), "candidates"] as const,
  capacity: (meetingId: string) => [...meetingKeys.meeting(meetingId), "capacity"] as const,
  summary: (meetingId: string) => [...meetingKeys.meeting(meetingId), "summary"] as const,
  moves: (meetingId: string) => [...meetingKeys.meeting(meetingId), "move"] as const,
};

export const meetingPath = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

export function fetchMeeting(meetingId: string, signal?: AbortSignal): Promise<Meeting> {
  return request<Meeting>(meetingPath(meetingId), signal ? { signal } : {});
}

/** The meeting with its agenda; the board and the preparation page both read it. */
export const meetingQuery = (meetingId: string) =>
  queryOptions({
    queryKey: meetingKeys.detail(meetingId),
    queryFn: ({ signal }) => fetchMeeting(meetingId, signal),
    staleTime: 0,
  });

/** Open referrals at the team's practices that the rules suggest discussing, each with why. */
export const meetingCandidatesQuery = (meetingId: string) =>
  queryOptions({
    queryKey: meetingKeys.candidates(meetingId),
    queryFn: ({ signal }) =>
      request<{ items: MeetingCandidate[] }>(`${meetingPath(meetingId)}/candidates`, { signal }),
    select: (data) => data.items,
  });

/** What was decided for each person, and who was carried over to the next meeting. */
export const meetingSummaryQuery = (meetingId: string) =>
  queryOptions({
    queryKey: meetingKeys.summary(meetingId),
    queryFn: ({ signal }) =>
      request<{ items: MeetingSummaryEntry[] }>(`${meetingPath(meetingId)}/summary`, { signal }),
    select: (data) => data.items,
  });

/**
 * One item as opened from the board: the API records each opening in the audit log, so this is
 * read once per opening (kept out of the meeting's keys, which every live notice refetches).
 */
export const openedAgendaItemQuery = (meetingId: string, itemId: string) =>
  queryOptions({
    queryKey: ["agenda-item-opened", meetingId, itemId] as const,
    queryFn: ({ signal }) =>
      request<AgendaItem>(`${meetingPath(meetingId)}/items/${encodeURIComponent(itemId)}`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
