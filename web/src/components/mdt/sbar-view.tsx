import type { Sbar } from "@linkwork/core/mdt/schema";
import { For, Show } from "solid-js";
import { SummaryList, SummaryRow } from "../../ui/summary-list";
import { sbarParts } from "./sbar-parts";

/** The listing's SBAR as read at the meeting, or why this member cannot see it. */
export function SbarView(props: { sbar: Sbar | null }) {
  return (
    <Show
      when={props.sbar}
      fallback={
        <p class="nhsuk-body-s">
          The person has not agreed to share their details with organisations outside the NHS, so their SBAR
          is not shown to you.
        </p>
      }
    >
      {(sbar) => (
        <SummaryList>
          <For each={sbarParts}>
            {(entry) => (
              <SummaryRow key={entry.label}>
                <span class="linkwork-preserve-lines">{sbar()[entry.part] || "Not recorded"}</span>
              </SummaryRow>
            )}
          </For>
        </SummaryList>
      )}
    </Show>
  );
}
