import type { NeedDomain } from "../../referral/schema";
import type { DomainStatus, MeasureStage } from "../vocabulary";
import type { Ons4Band, Ons4Question } from "./measure-scales";

export interface SwemwbsScore {
  raw: number;
  metric: number;
}

export type Ons4Answers = Record<Ons4Question, number>;
export type Ons4Score = Record<Ons4Question, { value: number; band: Ons4Band }>;

/** A status on Dudley's scale for each need domain assessed. */
export type DomainStatuses = Partial<Record<NeedDomain, DomainStatus>>;

/** A measure's answers and the score they give, by tool. */
export type ScoredMeasure =
  | { tool: "swemwbs"; answers: number[]; score: SwemwbsScore }
  | { tool: "ons4"; answers: Ons4Answers; score: Ons4Score }
  | { tool: "domains"; answers: DomainStatuses; score: DomainStatuses };

/** A measure as recorded on a case. */
export type RecordedMeasure = ScoredMeasure & {
  measureId: string;
  stage: MeasureStage;
  recordedAt: string;
  recordedByName?: string | undefined;
};

/** One measure of a comparison: when it was taken and what it scored. */
export interface MeasurePoint<Score> {
  measureId: string;
  stage: MeasureStage;
  recordedAt: string;
  score: Score;
}

export type ChangeDirection = "better" | "worse" | "same";

export interface Ons4QuestionChange {
  from: number;
  to: number;
  change: number;
  direction: ChangeDirection;
  bandFrom: Ons4Band;
  bandTo: Ons4Band;
}

export interface DomainChange {
  /** Needs that were not managing at baseline and are now at any better status. */
  movedOutOfNotManaging: NeedDomain[];
  better: NeedDomain[];
  worse: NeedDomain[];
}

interface ComparisonOf<Tool, Score, Change> {
  tool: Tool;
  baseline?: MeasurePoint<Score>;
  /** The most recent measure of any stage. */
  latest?: MeasurePoint<Score>;
  /** The most recent final measure. */
  final?: MeasurePoint<Score>;
  /** From the baseline to the final measure, or to the latest when there is no final yet. */
  change?: Change;
  meaningful?: boolean;
}

/**
 * Baseline beside final (or latest) for one tool. SWEMWBS: the change in metric score, meaningful
 * at 3 or more either way. ONS4: each question's change and whether it is better (for anxiety,
 * lower is better); the ONS publishes no single threshold, so `meaningful` is left out. Domains:
 * which needs moved out of "not managing"; meaningful when at least one did.
 */
export type MeasureComparison =
  | ComparisonOf<"swemwbs", SwemwbsScore, number>
  | ComparisonOf<"ons4", Ons4Score, Record<Ons4Question, Ons4QuestionChange>>
  | ComparisonOf<"domains", DomainStatuses, DomainChange>;
