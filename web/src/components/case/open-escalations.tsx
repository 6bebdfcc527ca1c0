import type { Escalation } from "@linkwork/core/casework/schema";
import { For, Show } from "solid-js";
import { formatDateTime } from "../../format/dates";
import { escalationTargetPhrases } from "../../labels/casework-labels";
import { WarningCallout } from "../../ui/warning-callout";

/** Open escalations at the top of the case, so nobody works it without seeing them. */
export function OpenEscalations(props: { escalations: readonly Escalation[] }) {
  const open = () => props.escalations.filter((escalation) => escalation.status === "open");
  return (
    <Show when={open().length > 0}>
      <WarningCallout heading={open().length === 1 ? "Open escalation" : `${open().length} open escalations`}>
        <ul class="nhsuk-list">
          <For each={open()}>
            {(escalation) => (
              <li>
                {escalationTargetPhrases[escalation.to]} on {formatDateTime(escalation.raisedAt)}
                {escalation.raisedByName ? ` by ${escalation.raisedByName}` : ""}.{" "}
                <a href="#escalation">See the escalation</a>
              </li>
            )}
          </For>
        </ul>
      </WarningCallout>
    </Show>
  );
}
