import type { BoardColumn } from "@linkwork/core/mdt/schema";
import { useMutation, useMutationState, useQueryClient } from "@tanstack/solid-query";
import { request } from "../api/client";
import { type AgendaItem, meetingKeys, meetingPath } from "./meeting";
import { cacheItem } from "./meeting-changes";

/** One card moved: to which column, at which place in it, from the version the user saw. */
export interface ItemMove {
  itemId: string;
  version: number;
  column: BoardColumn;
  position: number;
}

function isItemMove(value: unknown): value is ItemMove {
  if (typeof value !== "object" || value === null) return false;
  const move: Record<string, unknown> = { ...value };
  return (
    typeof move.itemId === "string" &&
    typeof move.version === "number" &&
    typeof move.column === "string" &&
    typeof move.position === "number"
  );
}

/**
 * Moves a card on the board. There is no optimistic write to the cache: the board replays the
 * moves still in flight (below) over every snapshot the server sends, so a refetch landing
 * mid-move never throws the card back, and a refused move simply stops being replayed.
 */
export function useMoveItem(
  meetingId: () => string,
  handlers: { onSuccess?: (item: AgendaItem) => void; onError?: (error: Error, move: ItemMove) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation(() => ({
    mutationKey: meetingKeys.moves(meetingId()),
    mutationFn: (move: ItemMove) =>
      request<AgendaItem>(`${meetingPath(meetingId())}/items/${encodeURIComponent(move.itemId)}`, {
        method: "PATCH",
        body: { version: move.version, column: move.column, position: move.position },
      }),
    onSuccess: (item: AgendaItem) => {
      cacheItem(queryClient, item);
      handlers.onSuccess?.(item);
    },
    onError: (error: Error, move: ItemMove) => handlers.onError?.(error, move),
    // Other cards' positions shift on the server too: the meeting as it is now replaces the guess.
    onSettled: () => queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meetingId()) }),
  }));
}

/** The moves of this meeting's cards sent and not yet answered, oldest first. */
export function usePendingMoves(meetingId: () => string): () => ItemMove[] {
  const variables = useMutationState(() => ({
    filters: { mutationKey: meetingKeys.moves(meetingId()), status: "pending" },
    select: (mutation) => mutation.state.variables,
  }));
  return () => variables().filter(isItemMove);
}
