import type { Case, DomainSnapshot } from "@linkwork/core/casework/schema";
import type { NeedDomain } from "@linkwork/core/referral/schema";
import { For, Show } from "solid-js";
import { formatShortCalendarDate } from "../../format/dates";
import { domainStatusLabels } from "../../labels/casework-labels";
import { needLabels } from "../../labels/referral-labels";
import { Table, TableCell, TableRow } from "../../ui/table";
import { Tag } from "../../ui/tag";
import { assessedNeeds } from "./domains-form";
import { ukToday } from "./uk-time";

const when = (snapshot: DomainSnapshot | undefined) =>
  snapshot ? formatShortCalendarDate(ukToday(new Date(snapshot.at))) : "";

/** Each need at the baseline beside how it is now (the final assessment, or the latest review). */
export function DomainsSummary(props: { case: Case; needs: readonly NeedDomain[] }) {
  const domains = () => props.case.domains;
  const now = () =>
    domains().final ?? (domains().latest?.at !== domains().baseline?.at ? domains().latest : undefined);
  const comparison = () => {
    const found = props.case.measureSummary.find((summary) => summary.tool === "domains");
    return found?.tool === "domains" ? found : undefined;
  };
  const movedOut = (need: NeedDomain) => comparison()?.change?.movedOutOfNotManaging.includes(need) ?? false;
  const status = (snapshot: DomainSnapshot | undefined, need: NeedDomain) => {
    const value = snapshot?.statuses[need];
    return value ? domainStatusLabels[value] : "Not assessed";
  };
  return (
    <Show
      when={domains().baseline}
      fallback={<p class="nhsuk-body">No need domains recorded yet. Start with the baseline.</p>}
    >
      <Table
        caption="Need domains"
        hideCaption
        headers={[
          "Need",
          `Baseline (${when(domains().baseline)})`,
          now() ? `${domains().final ? "Final" : "Latest"} (${when(now())})` : "Now",
        ]}
      >
        <For each={assessedNeeds(props.needs, props.case)}>
          {(need) => (
            <TableRow>
              <TableCell rowHeader>{needLabels[need]}</TableCell>
              <TableCell>{status(domains().baseline, need)}</TableCell>
              <TableCell>
                {now() ? status(now(), need) : "No review yet"}
                <Show when={movedOut(need)}>
                  {" "}
                  <Tag colour="green">Out of not managing</Tag>
                </Show>
              </TableCell>
            </TableRow>
          )}
        </For>
      </Table>
    </Show>
  );
}
