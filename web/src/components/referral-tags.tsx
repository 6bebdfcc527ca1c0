import type { Priority, ReferralStatus, RiskFlag } from "@linkwork/core/referral/schema";
import { For, Show } from "solid-js";
import {
  priorityColours,
  priorityLabels,
  riskFlagColours,
  riskFlagLabels,
  riskFlagOrder,
  statusColours,
  statusLabels,
} from "../labels/referral-labels";
import { Tag } from "../ui/tag";

export function StatusTag(props: { status: ReferralStatus }) {
  return <Tag colour={statusColours[props.status]}>{statusLabels[props.status]}</Tag>;
}

export function PriorityTag(props: { priority: Priority | undefined }) {
  return (
    <Show when={props.priority} fallback="Not set">
      {(priority) => <Tag colour={priorityColours[priority()]}>{priorityLabels[priority()]}</Tag>}
    </Show>
  );
}

/**
 * Risk flags, the most serious first; safeguarding and crisis in red. `inline` lays them out in a
 * row, as cards do, under the list name "Risks".
 */
export function RiskFlagTags(props: { flags: readonly RiskFlag[]; none?: string; inline?: boolean }) {
  const ordered = () => riskFlagOrder.filter((flag) => props.flags.includes(flag));
  return (
    <Show when={ordered().length > 0} fallback={props.none ?? "None"}>
      <ul
        class={
          props.inline
            ? "nhsuk-list linkwork-inline-tags nhsuk-u-margin-bottom-2"
            : "nhsuk-list linkwork-tag-list"
        }
        aria-label={props.inline ? "Risks" : undefined}
      >
        <For each={ordered()}>
          {(flag) => (
            <li>
              <Tag colour={riskFlagColours[flag]}>{riskFlagLabels[flag]}</Tag>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
