import type { MeetingCapacity } from "@linkwork/core/mdt/schema";
import { queryOptions } from "@tanstack/solid-query";
import { request } from "../api/client";
import { meetingKeys, meetingPath } from "./meeting";

export type { MeetingCapacity };

/** Free places across every organisation and link worker, for the board's capacity strip. */
export const meetingCapacityQuery = (meetingId: string) =>
  queryOptions({
    queryKey: meetingKeys.capacity(meetingId),
    queryFn: ({ signal }) => request<MeetingCapacity>(`${meetingPath(meetingId)}/capacity`, { signal }),
    staleTime: 0,
  });
