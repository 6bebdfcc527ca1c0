import { createSignal } from "solid-js";

/** Which of a card's controls should have focus once the card is drawn where it moved to. */
export type CardControl = "move-to" | "move-up" | "move-down" | "card";

export interface FocusRequest {
  itemId: string;
  control: CardControl;
}

/**
 * A moved card is drawn afresh in its new place, which takes focus away from the control the user
 * pressed; the board asks for it back, and the card gives it once it is drawn.
 */
export function createCardFocus() {
  const [request, setRequest] = createSignal<FocusRequest>();
  return {
    request,
    ask: (itemId: string, control: CardControl) => setRequest({ itemId, control }),
    done: () => setRequest(undefined),
  };
}

export type CardFocus = ReturnType<typeof createCardFocus>;

export const cardControlId = (itemId: string, control: CardControl) => `${itemId}-${control}`;
