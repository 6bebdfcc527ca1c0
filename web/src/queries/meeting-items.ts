import type { AgendaItemCreate, AgendaItemUpdate, OutcomeCreate } from "@linkwork/core/mdt/schema";
import { useMutation, useQueryClient } from "@tanstack/solid-query";
import { request } from "../api/client";
import { type AgendaItem, meetingKeys, meetingPath } from "./meeting";
import { cacheItem } from "./meeting-changes";

/** A schema's input type, as `z.input` gives it, without the web app depending on zod itself. */
type Input<Schema extends { _zod: { input: unknown } }> = Schema["_zod"]["input"];

export type AddItemBody = Input<typeof AgendaItemCreate>;
export type UpdateItemBody = Input<typeof AgendaItemUpdate>;
export type OutcomeBody = Input<typeof OutcomeCreate>;

export type ItemChange =
  | { kind: "add"; body: AddItemBody }
  | { kind: "update"; itemId: string; body: UpdateItemBody }
  | { kind: "outcome"; itemId: string; body: OutcomeBody };

const itemPath = (meetingId: string, itemId: string) =>
  `${meetingPath(meetingId)}/items/${encodeURIComponent(itemId)}`;

function send(meetingId: string, change: ItemChange): Promise<AgendaItem> {
  switch (change.kind) {
    case "add":
      return request<AgendaItem>(`${meetingPath(meetingId)}/items`, { method: "POST", body: change.body });
    case "update":
      return request<AgendaItem>(itemPath(meetingId, change.itemId), { method: "PATCH", body: change.body });
    case "outcome":
      return request<AgendaItem>(`${itemPath(meetingId, change.itemId)}/outcome`, {
        method: "POST",
        body: change.body,
      });
  }
}

/**
 * Listing a person, editing an item's SBAR or slot, and recording its outcome. The item comes back
 * into the cached meeting at once; the rest of the meeting (and its candidates) refetches behind it.
 */
export function useItemChange(
  meetingId: () => string,
  handlers: {
    onSuccess?: (item: AgendaItem, change: ItemChange) => void;
    onError?: (error: Error) => void;
  } = {},
) {
  const queryClient = useQueryClient();
  return useMutation(() => ({
    mutationFn: (change: ItemChange) => send(meetingId(), change),
    onSuccess: (item: AgendaItem, change: ItemChange) => {
      cacheItem(queryClient, item);
      handlers.onSuccess?.(item, change);
      return queryClient.invalidateQueries({ queryKey: meetingKeys.meeting(meetingId()) });
    },
    onError: (error: Error) => handlers.onError?.(error),
  }));
}
