import { NeedDomain, Priority, RiskFlag } from "@linkwork/core/referral/schema";
import { useNavigate } from "@solidjs/router";
import { createEffect, createSignal, Show } from "solid-js";
import { needLabels, priorityLabels, riskFlagLabels } from "../labels/referral-labels";
import type { ReferralFilters } from "../queries/referrals";
import { Button } from "../ui/button";
import { Select } from "../ui/select";
import { filtersHref, hasNarrowingFilters } from "./referral-filters";

const priorityOptions = [...Priority.options]
  .reverse()
  .map((value) => ({ value, label: priorityLabels[value] }));
const riskFlagOptions = RiskFlag.options.map((value) => ({ value, label: riskFlagLabels[value] }));
const needOptions = NeedDomain.options.map((value) => ({ value, label: needLabels[value] }));

/**
 * Narrows the list by priority, risk, need and overdue timers. The choices live in the address,
 * so a filtered queue can be bookmarked, shared and returned to with the back button.
 */
export function ReferralFilterForm(props: { filters: ReferralFilters }) {
  const navigate = useNavigate();
  const [priority, setPriority] = createSignal("");
  const [riskFlag, setRiskFlag] = createSignal("");
  const [need, setNeed] = createSignal("");
  const [overdue, setOverdue] = createSignal(false);
  createEffect(() => {
    setPriority(props.filters.priority ?? "");
    setRiskFlag(props.filters.riskFlag ?? "");
    setNeed(props.filters.need ?? "");
    setOverdue(props.filters.overdue === true);
  });

  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    navigate(
      filtersHref({
        status: props.filters.status,
        priority: Priority.safeParse(priority()).data,
        riskFlag: RiskFlag.safeParse(riskFlag()).data,
        need: NeedDomain.safeParse(need()).data,
        overdue: overdue() || undefined,
      }),
    );
  };

  return (
    <form class="linkwork-filters" aria-label="Filter referrals" novalidate onSubmit={apply}>
      <div class="linkwork-filters__fields">
        <Select
          id="filter-priority"
          label="Priority"
          value={priority()}
          onChange={setPriority}
          options={priorityOptions}
          emptyLabel="Any priority"
        />
        <Select
          id="filter-risk"
          label="Risk"
          value={riskFlag()}
          onChange={setRiskFlag}
          options={riskFlagOptions}
          emptyLabel="Any risk"
        />
        <Select
          id="filter-need"
          label="Need"
          value={need()}
          onChange={setNeed}
          options={needOptions}
          emptyLabel="Any need"
        />
        <div class="nhsuk-form-group">
          <div class="nhsuk-checkboxes nhsuk-checkboxes--small linkwork-filters__overdue">
            <div class="nhsuk-checkboxes__item">
              <input
                class="nhsuk-checkboxes__input"
                id="filter-overdue"
                name="overdue"
                type="checkbox"
                checked={overdue()}
                onChange={(event) => setOverdue(event.currentTarget.checked)}
              />
              <label class="nhsuk-label nhsuk-checkboxes__label" for="filter-overdue">
                Overdue only
              </label>
            </div>
          </div>
        </div>
      </div>
      <div class="linkwork-filters__actions">
        <Button variant="secondary" small>
          Apply filters
        </Button>
        <Show when={hasNarrowingFilters(props.filters)}>
          <a class="nhsuk-body-s" href={filtersHref({ status: props.filters.status })}>
            Clear filters
          </a>
        </Show>
      </div>
    </form>
  );
}
