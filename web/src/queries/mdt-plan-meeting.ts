import type { MeetingCreate } from "@linkwork/core/mdt/schema";
import { useMutation, useQueryClient } from "@tanstack/solid-query";
import { request } from "../api/client";
import { type MeetingSummary, mdtKeys, mdtPath } from "./mdts";

type Input<Schema extends { _zod: { input: unknown } }> = Schema["_zod"]["input"];
export type PlanMeetingBody = Input<typeof MeetingCreate>;

/** The chair (or an administrator) plans the team's next meeting. */
export function usePlanMeeting(
  handlers: { onSuccess?: (meeting: MeetingSummary) => void; onError?: (error: Error) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation(() => ({
    mutationFn: ({ mdtId, body }: { mdtId: string; body: PlanMeetingBody }) =>
      request<MeetingSummary>(`${mdtPath(mdtId)}/meetings`, { method: "POST", body }),
    onSuccess: (meeting: MeetingSummary) => {
      handlers.onSuccess?.(meeting);
      return queryClient.invalidateQueries({ queryKey: mdtKeys.meetings(meeting.mdtId) });
    },
    onError: (error: Error) => handlers.onError?.(error),
  }));
}
