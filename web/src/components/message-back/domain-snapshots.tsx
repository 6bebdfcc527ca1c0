import type { DomainSnapshot } from "@linkwork/core/casework/schema";
import { needDomains } from "@linkwork/core/referral/vocabulary";
import { For, Show } from "solid-js";
import { domainStatusLabels } from "../../labels/casework-labels";
import { needLabels } from "../../labels/referral-labels";
import { Table, TableCell, TableRow } from "../../ui/table";

/** How the person was managing in each need at the start and at the end, on Dudley's scale. */
export function DomainSnapshots(props: {
  baseline: DomainSnapshot | undefined;
  final: DomainSnapshot | undefined;
}) {
  const needs = () =>
    needDomains.filter(
      (need) => props.baseline?.statuses[need] !== undefined || props.final?.statuses[need] !== undefined,
    );
  const status = (snapshot: DomainSnapshot | undefined, need: (typeof needDomains)[number]) => {
    const value = snapshot?.statuses[need];
    return value ? domainStatusLabels[value] : "Not recorded";
  };
  return (
    <Show when={needs().length > 0}>
      <Table caption="How the person is managing, by need" headers={["Need", "At the start", "At the end"]}>
        <For each={needs()}>
          {(need) => (
            <TableRow>
              <TableCell rowHeader>{needLabels[need]}</TableCell>
              <TableCell>{status(props.baseline, need)}</TableCell>
              <TableCell>{status(props.final, need)}</TableCell>
            </TableRow>
          )}
        </For>
      </Table>
    </Show>
  );
}
