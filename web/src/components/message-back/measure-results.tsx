import type { Ons4Band, Ons4Question } from "@linkwork/core/casework/domain/measure-scales";
import type { MeasureComparison } from "@linkwork/core/casework/measure-schema";
import type { NeedDomain } from "@linkwork/core/referral/schema";
import { needDomains } from "@linkwork/core/referral/vocabulary";
import { For, Match, Show, Switch } from "solid-js";
import { domainStatusLabels, measureToolLabels } from "../../labels/casework-labels";
import { needLabels } from "../../labels/referral-labels";
import { Table, TableCell, TableRow } from "../../ui/table";

type Comparison<Tool extends MeasureComparison["tool"]> = Extract<MeasureComparison, { tool: Tool }>;

const ons4QuestionLabels: Record<Ons4Question, string> = {
  lifeSatisfaction: "Life satisfaction",
  worthwhile: "Things done in life are worthwhile",
  happy: "Happiness yesterday",
  anxious: "Anxiety yesterday (lower is better)",
};

const ons4BandLabels: Record<Ons4Band, string> = {
  very_low: "very low",
  low: "low",
  medium: "medium",
  high: "high",
  very_high: "very high",
};

const ons4Order: Ons4Question[] = ["lifeSatisfaction", "worthwhile", "happy", "anxious"];

const notRecorded = "Not recorded";
const signed = (change: number, digits = 0) =>
  `${change > 0 ? "+" : change < 0 ? "−" : ""}${Math.abs(change).toFixed(digits)}`;

/** The end point compared: the final measure, or without one the latest review. */
function endHeader(comparison: { final?: unknown; latest?: unknown }): string {
  return comparison.final || !comparison.latest ? "Final" : "Latest review (no final measure)";
}

function SwemwbsResult(props: { comparison: Comparison<"swemwbs"> }) {
  const end = () => props.comparison.final ?? props.comparison.latest;
  const change = () => props.comparison.change;
  return (
    <Table
      caption={measureToolLabels.swemwbs}
      headers={["Score", "Baseline", endHeader(props.comparison), "Change"]}
    >
      <TableRow>
        <TableCell rowHeader>Metric score (7 to 35)</TableCell>
        <TableCell>{props.comparison.baseline?.score.metric.toFixed(2) ?? notRecorded}</TableCell>
        <TableCell>{end()?.score.metric.toFixed(2) ?? notRecorded}</TableCell>
        <TableCell>
          <Show when={props.comparison.baseline && end() ? change() : undefined} fallback={notRecorded}>
            {(points) => (
              <>
                {signed(points(), 2)}
                <span class="linkwork-cell-note" data-testid="swemwbs-meaningful">
                  {props.comparison.meaningful
                    ? "A meaningful change (3 points or more)"
                    : "Not a meaningful change (less than 3 points)"}
                </span>
              </>
            )}
          </Show>
        </TableCell>
      </TableRow>
    </Table>
  );
}

function Ons4Result(props: { comparison: Comparison<"ons4"> }) {
  const end = () => props.comparison.final ?? props.comparison.latest;
  const banded = (score: { value: number; band: Ons4Band } | undefined) =>
    score ? `${score.value} (${ons4BandLabels[score.band]})` : notRecorded;
  const directions = { better: "better", worse: "worse", same: "no change" } as const;
  return (
    <Table
      caption={measureToolLabels.ons4}
      headers={["Question (0 to 10)", "Baseline", endHeader(props.comparison), "Change"]}
    >
      <For each={ons4Order}>
        {(question) => {
          const moved = () =>
            props.comparison.baseline && end() ? props.comparison.change?.[question] : undefined;
          return (
            <TableRow>
              <TableCell rowHeader>{ons4QuestionLabels[question]}</TableCell>
              <TableCell>{banded(props.comparison.baseline?.score[question])}</TableCell>
              <TableCell>{banded(end()?.score[question])}</TableCell>
              <TableCell>
                <Show when={moved()} fallback={notRecorded}>
                  {(change) => `${signed(change().change)} (${directions[change().direction]})`}
                </Show>
              </TableCell>
            </TableRow>
          );
        }}
      </For>
    </Table>
  );
}

function DomainsResult(props: { comparison: Comparison<"domains">; described: boolean }) {
  const needs = () =>
    needDomains.filter(
      (need) =>
        props.comparison.baseline?.score[need] !== undefined ||
        props.comparison.final?.score[need] !== undefined,
    );
  const status = (
    scores: Partial<Record<NeedDomain, keyof typeof domainStatusLabels>> | undefined,
    need: NeedDomain,
  ) => {
    const value = scores?.[need];
    return value ? domainStatusLabels[value] : notRecorded;
  };
  const moved = () => props.comparison.change?.movedOutOfNotManaging ?? [];
  return (
    <>
      <Table caption="How the person is managing, by need" headers={["Need", "Baseline", "Final"]}>
        <For each={needs()}>
          {(need) => (
            <TableRow>
              <TableCell rowHeader>{needLabels[need]}</TableCell>
              <TableCell>{status(props.comparison.baseline?.score, need)}</TableCell>
              <TableCell>{status(props.comparison.final?.score, need)}</TableCell>
            </TableRow>
          )}
        </For>
      </Table>
      <Show when={props.comparison.final && !props.described}>
        <p class="nhsuk-body">
          {moved().length > 0
            ? `Moved out of "not managing": ${moved()
                .map((need) => needLabels[need].toLowerCase())
                .join(", ")}.`
            : `No need moved out of "not managing".`}
        </p>
      </Show>
    </>
  );
}

/** Outcome measures at baseline and at the end, side by side, with the change and whether it matters. */
export function MeasureResults(props: {
  measures: readonly (MeasureComparison & { description?: string })[];
}) {
  return (
    <Show
      when={props.measures.length > 0}
      fallback={<p class="nhsuk-body">No outcome measures were recorded.</p>}
    >
      <For each={props.measures}>
        {(comparison) => (
          <>
            <Switch>
              <Match when={comparison.tool === "swemwbs" ? comparison : undefined}>
                {(swemwbs) => <SwemwbsResult comparison={swemwbs()} />}
              </Match>
              <Match when={comparison.tool === "ons4" ? comparison : undefined}>
                {(ons4) => <Ons4Result comparison={ons4()} />}
              </Match>
              <Match when={comparison.tool === "domains" ? comparison : undefined}>
                {(domains) => (
                  <DomainsResult comparison={domains()} described={Boolean(comparison.description)} />
                )}
              </Match>
            </Switch>
            <Show when={comparison.description}>
              {(description) => <p class="nhsuk-body">{description()}</p>}
            </Show>
          </>
        )}
      </For>
    </Show>
  );
}
