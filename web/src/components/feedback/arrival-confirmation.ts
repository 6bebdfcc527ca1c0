import { useLocation, useNavigate } from "@solidjs/router";
import { onMount } from "solid-js";
import type { ActionFeedback } from "./action-feedback";

interface ArrivalState {
  confirmation: string;
}

function isArrivalState(state: unknown): state is ArrivalState {
  return (
    typeof state === "object" && state !== null && typeof Reflect.get(state, "confirmation") === "string"
  );
}

/** Navigation options that carry a confirmation to the page navigated to ("The record is corrected"). */
export function withConfirmation(message: string): { state: ArrivalState } {
  return { state: { confirmation: message } };
}

/**
 * Shows the confirmation another page sent along when it brought the user here, once: it is
 * dropped from the history entry, so reloading or coming back does not announce it again.
 */
export function useArrivalConfirmation(feedback: ActionFeedback) {
  const location = useLocation();
  const navigate = useNavigate();
  onMount(() => {
    const state = location.state;
    if (!isArrivalState(state)) return;
    feedback.succeed(state.confirmation);
    navigate(`${location.pathname}${location.search}`, { replace: true, scroll: false, state: null });
  });
}
