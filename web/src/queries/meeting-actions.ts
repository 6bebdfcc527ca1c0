import { useMutation, useQueryClient } from "@tanstack/solid-query";
import { request } from "../api/client";
import { type Meeting, meetingKeys, meetingPath } from "./meeting";
import { refreshMeeting } from "./meeting-changes";

export type MeetingChange =
  | { kind: "start"; version: number }
  | { kind: "end"; version: number }
  | { kind: "attendance"; version: number; attendees: string[] };

function send(meetingId: string, change: MeetingChange): Promise<Meeting> {
  if (change.kind === "attendance") {
    return request<Meeting>(`${meetingPath(meetingId)}/attendance`, {
      method: "PUT",
      body: { version: change.version, attendees: change.attendees },
    });
  }
  return request<Meeting>(`${meetingPath(meetingId)}/${change.kind}`, {
    method: "POST",
    body: { version: change.version },
  });
}

/**
 * Starting, ending and recording who is present: changes to the meeting itself, each carrying the
 * meeting's version. A 409 leaves the error for the page, and the meeting refetches as it is now.
 */
export function useMeetingChange(
  meetingId: () => string,
  handlers: {
    onSuccess?: (meeting: Meeting, change: MeetingChange) => void;
    onError?: (error: Error) => void;
  } = {},
) {
  const queryClient = useQueryClient();
  return useMutation(() => ({
    mutationFn: (change: MeetingChange) => send(meetingId(), change),
    onSuccess: (meeting: Meeting, change: MeetingChange) => {
      queryClient.setQueryData(meetingKeys.detail(meeting.id), meeting);
      handlers.onSuccess?.(meeting, change);
      return refreshMeeting(queryClient, meeting);
    },
    onError: (error: Error) => {
      handlers.onError?.(error);
      return queryClient.invalidateQueries({ queryKey: meetingKeys.meeting(meetingId()) });
    },
  }));
}
