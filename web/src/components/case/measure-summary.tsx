import type { MeasureComparison } from "@linkwork/core/casework/measure-schema";
import { For, Match, Show, Switch } from "solid-js";
import { formatShortCalendarDate } from "../../format/dates";
import { measureStageLabels, measureToolLabels } from "../../labels/casework-labels";
import { Table, TableCell, TableRow } from "../../ui/table";
import { Tag } from "../../ui/tag";
import { ukToday } from "./uk-time";

type Swemwbs = Extract<MeasureComparison, { tool: "swemwbs" }>;
type Ons4 = Extract<MeasureComparison, { tool: "ons4" }>;

const ons4Questions = [
  ["lifeSatisfaction", "Life satisfaction"],
  ["worthwhile", "Things done are worthwhile"],
  ["happy", "Happy yesterday"],
  ["anxious", "Anxious yesterday (lower is better)"],
] as const;

const bandLabels: Record<string, string> = {
  very_low: "very low",
  low: "low",
  medium: "medium",
  high: "high",
  very_high: "very high",
};

const dated = (point: { recordedAt: string; stage: keyof typeof measureStageLabels } | undefined) =>
  point
    ? `${measureStageLabels[point.stage]}, ${formatShortCalendarDate(ukToday(new Date(point.recordedAt)))}`
    : "";

const signed = (change: number, digits = 0) =>
  `${change > 0 ? "+" : change < 0 ? "−" : ""}${Math.abs(change).toFixed(digits)}`;

/** The end point compared with the baseline: the final measure, or the latest until there is one. */
function endOf<Point extends { measureId: string }>(comparison: {
  baseline?: Point;
  final?: Point;
  latest?: Point;
}) {
  if (comparison.final) return comparison.final;
  return comparison.latest && comparison.latest.measureId !== comparison.baseline?.measureId
    ? comparison.latest
    : undefined;
}

function SwemwbsComparison(props: { comparison: Swemwbs }) {
  const end = () => endOf(props.comparison);
  return (
    <Table caption={measureToolLabels.swemwbs} headers={["When", "Metric score", "Raw score"]}>
      <Show when={props.comparison.baseline}>
        {(baseline) => (
          <TableRow>
            <TableCell rowHeader>{dated(baseline())}</TableCell>
            <TableCell>{baseline().score.metric.toFixed(2)}</TableCell>
            <TableCell>{baseline().score.raw} of 35</TableCell>
          </TableRow>
        )}
      </Show>
      <Show when={end()}>
        {(point) => (
          <TableRow>
            <TableCell rowHeader>{dated(point())}</TableCell>
            <TableCell>{point().score.metric.toFixed(2)}</TableCell>
            <TableCell>{point().score.raw} of 35</TableCell>
          </TableRow>
        )}
      </Show>
      <Show when={props.comparison.change !== undefined && end()}>
        <TableRow>
          <TableCell rowHeader>Change</TableCell>
          <TableCell>
            {signed(props.comparison.change ?? 0, 2)}{" "}
            {props.comparison.meaningful ? (
              <Tag colour="green">Meaningful change (3 or more)</Tag>
            ) : (
              <Tag colour="grey">Not a meaningful change</Tag>
            )}
          </TableCell>
          <TableCell>{""}</TableCell>
        </TableRow>
      </Show>
    </Table>
  );
}

function Ons4Comparison(props: { comparison: Ons4 }) {
  const end = () => endOf(props.comparison);
  return (
    <Table
      caption={measureToolLabels.ons4}
      headers={[
        "Question",
        dated(props.comparison.baseline) || "Baseline",
        end() ? dated(end()) : "Now",
        "Change",
      ]}
    >
      <For each={ons4Questions}>
        {([question, label]) => {
          const baseline = () => props.comparison.baseline?.score[question];
          const later = () => end()?.score[question];
          const change = () => props.comparison.change?.[question];
          return (
            <TableRow>
              <TableCell rowHeader>{label}</TableCell>
              <TableCell>
                {baseline() ? `${baseline()?.value} (${bandLabels[baseline()?.band ?? ""]})` : "—"}
              </TableCell>
              <TableCell>
                {later() ? `${later()?.value} (${bandLabels[later()?.band ?? ""]})` : "—"}
              </TableCell>
              <TableCell>
                {change() && end()
                  ? `${signed(change()?.change ?? 0)} (${change()?.direction === "same" ? "no change" : change()?.direction})`
                  : "—"}
              </TableCell>
            </TableRow>
          );
        }}
      </For>
    </Table>
  );
}

/** Baseline and final (or latest) side by side for each wellbeing measure, with the change. */
export function MeasureSummary(props: { comparisons: readonly MeasureComparison[] }) {
  const wellbeing = () =>
    props.comparisons.filter((comparison) => comparison.tool !== "domains" && comparison.baseline);
  return (
    <Show
      when={wellbeing().length > 0}
      fallback={<p class="nhsuk-body">No wellbeing measures recorded yet.</p>}
    >
      <div data-testid="measure-summary">
        <For each={wellbeing()}>
          {(comparison) => (
            <Switch>
              <Match when={comparison.tool === "swemwbs" ? comparison : undefined}>
                {(swemwbs) => <SwemwbsComparison comparison={swemwbs()} />}
              </Match>
              <Match when={comparison.tool === "ons4" ? comparison : undefined}>
                {(ons4) => <Ons4Comparison comparison={ons4()} />}
              </Match>
            </Switch>
          )}
        </For>
      </div>
    </Show>
  );
}
