import type { NeedDomain } from "../../referral/schema";
import { type DomainStatus, domainStatuses, type MeasureTool, measureTools } from "../vocabulary";
import {
  higherIsBetter,
  type Ons4Band,
  type Ons4Question,
  ons4BandsOf,
  ons4HighestAnswer,
  ons4LowestAnswer,
  ons4Questions,
  swemwbsHighestAnswer,
  swemwbsItemCount,
  swemwbsLowestAnswer,
  swemwbsLowestRaw,
  swemwbsMeaningfulChange,
  swemwbsMetricScores,
} from "./measure-scales";
import type {
  ChangeDirection,
  DomainChange,
  DomainStatuses,
  MeasureComparison,
  MeasurePoint,
  Ons4Answers,
  Ons4QuestionChange,
  Ons4Score,
  RecordedMeasure,
  ScoredMeasure,
  SwemwbsScore,
} from "./measure-types";

function isWhole(value: number, lowest: number, highest: number) {
  return Number.isInteger(value) && value >= lowest && value <= highest;
}

/** The raw total of the seven answers and its metric score from the conversion table. */
export function scoreSwemwbs(answers: readonly number[]): SwemwbsScore {
  if (
    answers.length !== swemwbsItemCount ||
    !answers.every((answer) => isWhole(answer, swemwbsLowestAnswer, swemwbsHighestAnswer))
  ) {
    throw new RangeError("SWEMWBS takes seven whole-number answers from 1 to 5");
  }
  const raw = answers.reduce((total, answer) => total + answer, 0);
  return { raw, metric: swemwbsMetricScores[raw - swemwbsLowestRaw] ?? Number.NaN };
}

/** The ONS band a 0-10 answer falls in. */
export function ons4Band(question: Ons4Question, value: number): Ons4Band {
  if (!isWhole(value, ons4LowestAnswer, ons4HighestAnswer)) {
    throw new RangeError("ONS4 answers are whole numbers from 0 to 10");
  }
  const found = ons4BandsOf(question).find((floor) => value >= floor.from);
  if (!found) throw new RangeError("ONS4 answers are whole numbers from 0 to 10");
  return found.band;
}

export function scoreOns4(answers: Ons4Answers): Ons4Score {
  const entries = ons4Questions.map((question) => {
    const value = answers[question];
    return [question, { value, band: ons4Band(question, value) }] as const;
  });
  return Object.fromEntries(entries) as Ons4Score;
}

/** Need domains are scored as they are answered: the status of each. */
export function scoreDomains(answers: DomainStatuses): DomainStatuses {
  return { ...answers };
}

export type MeasureAnswers =
  | { tool: "swemwbs"; answers: number[] }
  | { tool: "ons4"; answers: Ons4Answers }
  | { tool: "domains"; answers: DomainStatuses };

export function scoreMeasure(input: MeasureAnswers): ScoredMeasure {
  switch (input.tool) {
    case "swemwbs":
      return { ...input, score: scoreSwemwbs(input.answers) };
    case "ons4":
      return { ...input, score: scoreOns4(input.answers) };
    case "domains":
      return { ...input, score: scoreDomains(input.answers) };
  }
}

const roundedToHundredths = (value: number) => Math.round(value * 100) / 100;

function directionOf(change: number, higherBetter: boolean): ChangeDirection {
  if (change === 0) return "same";
  return change > 0 === higherBetter ? "better" : "worse";
}

function rankOf(status: DomainStatus) {
  return domainStatuses.indexOf(status);
}

export function compareDomains(from: DomainStatuses, to: DomainStatuses): DomainChange {
  const change: DomainChange = { movedOutOfNotManaging: [], better: [], worse: [] };
  for (const need of Object.keys(from) as NeedDomain[]) {
    const before = from[need];
    const after = to[need];
    if (!before || !after) continue;
    if (rankOf(after) > rankOf(before)) change.better.push(need);
    if (rankOf(after) < rankOf(before)) change.worse.push(need);
    if (before === "not_managing" && after !== "not_managing") change.movedOutOfNotManaging.push(need);
  }
  return change;
}

export function compareOns4(from: Ons4Score, to: Ons4Score): Record<Ons4Question, Ons4QuestionChange> {
  const entries = ons4Questions.map((question) => {
    const change = to[question].value - from[question].value;
    const result: Ons4QuestionChange = {
      from: from[question].value,
      to: to[question].value,
      change,
      direction: directionOf(change, higherIsBetter(question)),
      bandFrom: from[question].band,
      bandTo: to[question].band,
    };
    return [question, result] as const;
  });
  return Object.fromEntries(entries) as Record<Ons4Question, Ons4QuestionChange>;
}

function pointOf<Measure extends RecordedMeasure>(measure: Measure): MeasurePoint<Measure["score"]> {
  return {
    measureId: measure.measureId,
    stage: measure.stage,
    recordedAt: measure.recordedAt,
    score: measure.score,
  };
}

/** Earliest first; measures recorded in the same instant keep their id order. */
function chronological(measures: readonly RecordedMeasure[]) {
  return [...measures].sort(
    (left, right) =>
      left.recordedAt.localeCompare(right.recordedAt) || left.measureId.localeCompare(right.measureId),
  );
}

interface Selected<Measure> {
  baseline?: Measure;
  latest?: Measure;
  final?: Measure;
  /** What the baseline is compared with: the final, else the latest after the baseline. */
  compared?: Measure;
}

function select<Measure extends RecordedMeasure>(measures: readonly Measure[]): Selected<Measure> {
  const ordered = chronological(measures) as Measure[];
  const baseline = ordered.find((measure) => measure.stage === "baseline");
  const latest = ordered.at(-1);
  const final = ordered.filter((measure) => measure.stage === "final").at(-1);
  const compared = final ?? (latest !== baseline ? latest : undefined);
  return {
    ...(baseline ? { baseline } : {}),
    ...(latest ? { latest } : {}),
    ...(final ? { final } : {}),
    ...(baseline && compared && compared !== baseline ? { compared } : {}),
  };
}

function points<Measure extends RecordedMeasure>(selected: Selected<Measure>) {
  return {
    ...(selected.baseline ? { baseline: pointOf(selected.baseline) } : {}),
    ...(selected.latest ? { latest: pointOf(selected.latest) } : {}),
    ...(selected.final ? { final: pointOf(selected.final) } : {}),
  };
}

type MeasureOf<Tool extends MeasureTool> = Extract<RecordedMeasure, { tool: Tool }>;

function ofTool<Tool extends MeasureTool>(measures: readonly RecordedMeasure[], tool: Tool) {
  return measures.filter((measure): measure is MeasureOf<Tool> => measure.tool === tool);
}

/**
 * Baseline and final (or latest) side by side for every tool that has been used, in the order
 * the tools are listed, with the change between them.
 */
export function compareMeasures(measures: readonly RecordedMeasure[]): MeasureComparison[] {
  const comparisons: MeasureComparison[] = [];
  for (const tool of measureTools) {
    if (!measures.some((measure) => measure.tool === tool)) continue;
    comparisons.push(compareTool(measures, tool));
  }
  return comparisons;
}

function compareTool(measures: readonly RecordedMeasure[], tool: MeasureTool): MeasureComparison {
  switch (tool) {
    case "swemwbs": {
      const selected = select(ofTool(measures, "swemwbs"));
      const { baseline, compared } = selected;
      if (!baseline || !compared) return { tool, ...points(selected) };
      const change = roundedToHundredths(compared.score.metric - baseline.score.metric);
      return {
        tool,
        ...points(selected),
        change,
        meaningful: Math.abs(change) >= swemwbsMeaningfulChange,
      };
    }
    case "ons4": {
      const selected = select(ofTool(measures, "ons4"));
      const { baseline, compared } = selected;
      if (!baseline || !compared) return { tool, ...points(selected) };
      return { tool, ...points(selected), change: compareOns4(baseline.score, compared.score) };
    }
    case "domains": {
      const selected = select(ofTool(measures, "domains"));
      const { baseline, compared } = selected;
      if (!baseline || !compared) return { tool, ...points(selected) };
      const change = compareDomains(baseline.score, compared.score);
      return {
        tool,
        ...points(selected),
        change,
        meaningful: change.movedOutOfNotManaging.length > 0,
      };
    }
  }
}

/** A case's need-domain statuses at baseline, most recently and at closure, for the case view. */
export function domainSnapshots(measures: readonly RecordedMeasure[]) {
  const selected = select(ofTool(measures, "domains"));
  const snapshot = (measure: MeasureOf<"domains"> | undefined) =>
    measure ? { at: measure.recordedAt, statuses: measure.score } : undefined;
  const baseline = snapshot(selected.baseline);
  const latest = snapshot(selected.latest);
  const final = snapshot(selected.final);
  return {
    ...(baseline ? { baseline } : {}),
    ...(latest ? { latest } : {}),
    ...(final ? { final } : {}),
  };
}
