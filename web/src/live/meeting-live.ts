import { useQueryClient } from "@tanstack/solid-query";
import { createEffect, createSignal, onCleanup } from "solid-js";
import { isApiError } from "../api/api-error";
import { request } from "../api/client";
import { actionKeys } from "../queries/actions";
import { meetingKeys } from "../queries/meeting";
import { readLiveMessage } from "./live-message";
import { reconnectDelay } from "./reconnect-delay";

/** `live`: notices arrive as things change; otherwise the page polls until the socket is back. */
export type LiveState = "connecting" | "live" | "reconnecting";

interface Ticket {
  url: string;
  expiresAt: string;
}

/** Several notices for one change (the item, its outcome, its actions) make one refetch. */
const coalesceMilliseconds = 40;

/** API Gateway closes a WebSocket idle for ten minutes; a ping well within that keeps the board live. */
const pingMilliseconds = 4 * 60_000;

/**
 * Keeps a WebSocket open for one meeting while the page shows it: a fresh single-use ticket for
 * every connection, reconnection with backoff, and on each `meeting.changed` notice a refetch of
 * exactly that meeting's queries (its agenda, candidates, capacity and summary).
 */
export function useMeetingLive(meetingId: () => string): { state: () => LiveState } {
  const queryClient = useQueryClient();
  const [state, setState] = createSignal<LiveState>("connecting");

  createEffect(() => {
    const id = meetingId();
    let stopped = false;
    let socket: WebSocket | undefined;
    let failedAttempts = 0;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let refetchTimer: ReturnType<typeof setTimeout> | undefined;
    let actionsChanged = false;
    let pingTimer: ReturnType<typeof setInterval> | undefined;

    const refetchSoon = (reason: string | undefined) => {
      if (reason?.startsWith("action.")) actionsChanged = true;
      if (refetchTimer) return;
      refetchTimer = setTimeout(() => {
        refetchTimer = undefined;
        void queryClient.invalidateQueries({ queryKey: meetingKeys.meeting(id) });
        if (actionsChanged) void queryClient.invalidateQueries({ queryKey: actionKeys.all });
        actionsChanged = false;
      }, coalesceMilliseconds);
    };

    const retry = () => {
      if (stopped) return;
      setState("reconnecting");
      retryTimer = setTimeout(connect, reconnectDelay(failedAttempts));
      failedAttempts += 1;
    };

    async function connect() {
      let ticket: Ticket;
      try {
        ticket = await request<Ticket>("/api/live/tickets", { method: "POST", body: { meetingId: id } });
      } catch (error) {
        // A meeting the user may not see (404) never will be: the page says so, with no retrying.
        if (isApiError(error) && error.status === 404) return setState("reconnecting");
        return retry();
      }
      if (stopped) return;
      const opened = new WebSocket(ticket.url);
      socket = opened;
      opened.onopen = () => {
        failedAttempts = 0;
        setState("live");
        clearInterval(pingTimer);
        pingTimer = setInterval(() => opened.send(JSON.stringify({ type: "ping" })), pingMilliseconds);
        // Whatever changed while the socket was down was never announced.
        refetchSoon(undefined);
      };
      opened.onmessage = (event) => {
        const message = readLiveMessage(event.data);
        if (message?.meetingId === id) refetchSoon(message.reason);
      };
      opened.onclose = () => {
        if (socket === opened) socket = undefined;
        clearInterval(pingTimer);
        retry();
      };
    }

    setState("connecting");
    void connect();
    onCleanup(() => {
      stopped = true;
      clearTimeout(retryTimer);
      clearTimeout(refetchTimer);
      clearInterval(pingTimer);
      socket?.close();
    });
  });

  return { state };
}
