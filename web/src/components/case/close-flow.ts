import type { ClosureReason } from "@linkwork/core/referral/schema";
import { createSignal } from "solid-js";

export type CloseStep = "idle" | "details" | "confirm";

/**
 * Where closing a case has got to, shared by the close section and the prompt to close as unable
 * to contact, which starts it with that reason chosen. Each step brings its heading into view.
 */
export function createCloseFlow() {
  const [step, setStep] = createSignal<CloseStep>("idle");
  const [reason, setReason] = createSignal<ClosureReason>();
  const bringIntoView = (id: string) =>
    queueMicrotask(() => {
      const target = document.getElementById(id);
      target?.scrollIntoView({ block: "start" });
      target?.focus({ preventScroll: true });
    });
  return {
    step,
    reason,
    open(preselected?: ClosureReason) {
      if (preselected) setReason(preselected);
      setStep("details");
      bringIntoView("close-heading");
    },
    /** Back at the details, as the page reloads with a half-written closure: no scrolling to it. */
    resume() {
      setStep("details");
    },
    confirm() {
      setStep("confirm");
      bringIntoView("close-confirm-heading");
    },
    cancel() {
      setStep("idle");
    },
    finish() {
      setReason(undefined);
      setStep("idle");
    },
  };
}

export type CloseFlow = ReturnType<typeof createCloseFlow>;
