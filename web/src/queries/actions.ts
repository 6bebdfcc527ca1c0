import type { Action } from "@linkwork/core/mdt/schema";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/solid-query";
import { request } from "../api/client";
import { meetingKeys } from "./meeting";

export type { Action };

export const actionKeys = { all: ["actions"] as const, mine: ["actions", "mine"] as const };

/** Actions agreed at MDT meetings that the user or their organisation owns. */
export const myActionsQuery = () =>
  queryOptions({
    queryKey: actionKeys.mine,
    queryFn: ({ signal }) => request<{ items: Action[] }>("/api/actions", { signal }),
    select: (data) => data.items,
  });

/** Marks an action done; the meeting it came from shows it done too. */
export function useCompleteAction(
  handlers: { onSuccess?: (action: Action) => void; onError?: (error: Error, action: Action) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation(() => ({
    mutationFn: (action: Action) =>
      request<Action>(`/api/actions/${encodeURIComponent(action.id)}/complete`, {
        method: "POST",
        body: { version: action.version },
      }),
    onSuccess: (done: Action) => {
      handlers.onSuccess?.(done);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: actionKeys.all }),
        queryClient.invalidateQueries({ queryKey: meetingKeys.meeting(done.meetingId) }),
      ]);
    },
    onError: (error: Error, action: Action) => {
      handlers.onError?.(error, action);
      return queryClient.invalidateQueries({ queryKey: actionKeys.all });
    },
  }));
}
