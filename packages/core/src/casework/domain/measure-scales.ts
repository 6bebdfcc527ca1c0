/**
 * The published scoring of the wellbeing measures, as data. SWEMWBS: the raw total of seven items
 * (each 1-5, so 7-35) is reported as its metric score from the Rasch conversion table. ONS4: four
 * questions answered 0-10, each reported in the ONS's bands; for anxiety a lower score is better.
 */

/** SWEMWBS metric score for each raw total, from 7 (index 0) to 35. */
export const swemwbsMetricScores: readonly number[] = [
  7.0, 9.51, 11.25, 12.4, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36, 16.88, 17.43, 17.98, 18.59, 19.25, 19.98,
  20.73, 21.54, 22.35, 23.21, 24.11, 25.03, 26.02, 27.03, 28.13, 29.31, 30.7, 32.55, 35.0,
];

export const swemwbsItemCount = 7;
export const swemwbsLowestAnswer = 1;
export const swemwbsHighestAnswer = 5;
export const swemwbsLowestRaw = swemwbsItemCount * swemwbsLowestAnswer;
export const swemwbsHighestRaw = swemwbsItemCount * swemwbsHighestAnswer;

/** A change in the metric score of at least this much is meaningful. */
export const swemwbsMeaningfulChange = 3;

/** The four ONS personal wellbeing questions, in the order they are asked. */
export const ons4Questions = ["lifeSatisfaction", "worthwhile", "happy", "anxious"] as const;
export type Ons4Question = (typeof ons4Questions)[number];

export const ons4Bands = ["very_low", "low", "medium", "high", "very_high"] as const;
export type Ons4Band = (typeof ons4Bands)[number];

export const ons4LowestAnswer = 0;
export const ons4HighestAnswer = 10;

/** Each band's lowest score, highest band first. */
interface BandFloor {
  from: number;
  band: Ons4Band;
}

/** Life satisfaction, worthwhile and happiness: 0-4 low, 5-6 medium, 7-8 high, 9-10 very high. */
const positiveBands: readonly BandFloor[] = [
  { from: 9, band: "very_high" },
  { from: 7, band: "high" },
  { from: 5, band: "medium" },
  { from: 0, band: "low" },
];

/** Anxiety: 0-1 very low, 2-3 low, 4-5 medium, 6-10 high. */
const anxietyBands: readonly BandFloor[] = [
  { from: 6, band: "high" },
  { from: 4, band: "medium" },
  { from: 2, band: "low" },
  { from: 0, band: "very_low" },
];

export function ons4BandsOf(question: Ons4Question): readonly BandFloor[] {
  return question === "anxious" ? anxietyBands : positiveBands;
}

/** Whether a higher answer is the better one: for anxiety, lower is better. */
export function higherIsBetter(question: Ons4Question): boolean {
  return question !== "anxious";
}
