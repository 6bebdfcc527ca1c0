import { createEffect, onCleanup } from "solid-js";
import { config } from "../config";

/** Sets the browser tab's title, "Triage queue – Linkwork", which screen readers announce first. */
export function usePageTitle(title: () => string | undefined) {
  createEffect(() => {
    const current = title();
    document.title = current ? `${current} – ${config.serviceName}` : config.serviceName;
  });
  onCleanup(() => {
    document.title = config.serviceName;
  });
}
