import type { Referral } from "@linkwork/core/referral/schema";
import { For, Show } from "solid-js";
import { formatShortDateTime } from "../format/dates";
import { Tag } from "../ui/tag";

type Step = NonNullable<Referral["serviceLevel"]>["step"];

export const serviceLevelStepLabels: Record<Step, string> = {
  triage: "Triage",
  acceptance: "Acceptance",
  first_contact: "First contact",
};

const breachLabels: Record<Referral["breaches"][number], string> = {
  triage: "Triage was late",
  first_contact: "First contact was late",
};

/** The timer running now: "Triage due 3 Jun 2025, 10:04", or a red overdue tag with when it was due. */
export function ServiceLevelState(props: { referral: Referral; none?: string }) {
  return (
    <Show when={props.referral.serviceLevel} fallback={props.none ?? ""}>
      {(level) => (
        <Show
          when={level().overdue}
          fallback={
            <span class="linkwork-nowrap">
              {serviceLevelStepLabels[level().step]} due {formatShortDateTime(level().dueAt)}
            </span>
          }
        >
          <Tag colour="red">{serviceLevelStepLabels[level().step]} overdue</Tag>
          <span class="linkwork-cell-note">Was due {formatShortDateTime(level().dueAt)}</span>
        </Show>
      )}
    </Show>
  );
}

/** Service levels this referral has already missed, even after catching up. */
export function ServiceLevelBreaches(props: { referral: Referral }) {
  return (
    <Show when={props.referral.breaches.length > 0}>
      <ul class="nhsuk-list linkwork-tag-list nhsuk-u-margin-top-2">
        <For each={props.referral.breaches}>
          {(breach) => (
            <li>
              <Tag colour="orange">{breachLabels[breach]}</Tag>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** The same, stacked for a narrow table column: the step on one line, when on the next. */
export function ServiceLevelCell(props: { referral: Referral }) {
  return (
    <Show when={props.referral.serviceLevel} fallback="Nothing due">
      {(level) => (
        <Show
          when={level().overdue}
          fallback={
            <>
              {serviceLevelStepLabels[level().step]} due
              <span class="linkwork-cell-note linkwork-nowrap">{formatShortDateTime(level().dueAt)}</span>
            </>
          }
        >
          <Tag colour="red">{serviceLevelStepLabels[level().step]} overdue</Tag>
          <span class="linkwork-cell-note">
            Was due <span class="linkwork-nowrap">{formatShortDateTime(level().dueAt)}</span>
          </span>
        </Show>
      )}
    </Show>
  );
}
