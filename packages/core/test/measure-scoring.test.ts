import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ons4Band, scoreOns4, scoreSwemwbs } from "../src/casework/domain/measures";

/**
 * The SWEMWBS raw-to-metric conversion table as DOMAIN.md publishes it, written out here on its
 * own so the scoring is checked against the source, not against itself.
 */
const publishedTable: [raw: number, metric: number][] = [
  [7, 7.0],
  [8, 9.51],
  [9, 11.25],
  [10, 12.4],
  [11, 13.33],
  [12, 14.08],
  [13, 14.75],
  [14, 15.32],
  [15, 15.84],
  [16, 16.36],
  [17, 16.88],
  [18, 17.43],
  [19, 17.98],
  [20, 18.59],
  [21, 19.25],
  [22, 19.98],
  [23, 20.73],
  [24, 21.54],
  [25, 22.35],
  [26, 23.21],
  [27, 24.11],
  [28, 25.03],
  [29, 26.02],
  [30, 27.03],
  [31, 28.13],
  [32, 29.31],
  [33, 30.7],
  [34, 32.55],
  [35, 35.0],
];

/** Seven answers of 1-5 adding up to `raw`, filled from the first statement. */
function answersTotalling(raw: number): number[] {
  const answers = [1, 1, 1, 1, 1, 1, 1];
  let remaining = raw - 7;
  for (let index = 0; index < answers.length && remaining > 0; index++) {
    const added = Math.min(4, remaining);
    answers[index] = 1 + added;
    remaining -= added;
  }
  return answers;
}

describe("SWEMWBS scoring", () => {
  it("covers every raw score from 7 to 35", () => {
    expect(publishedTable.map(([raw]) => raw)).toEqual(Array.from({ length: 29 }, (_, index) => index + 7));
  });

  it.each(publishedTable)("a raw score of %i is the metric score %d", (raw, metric) => {
    expect(scoreSwemwbs(answersTotalling(raw))).toEqual({ raw, metric });
  });

  it("scores the total whatever order the answers come in", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 7, maxLength: 7 }), (answers) => {
        const raw = answers.reduce((total, answer) => total + answer, 0);
        const expected = publishedTable.find(([tableRaw]) => tableRaw === raw)?.[1];
        expect(scoreSwemwbs(answers)).toEqual({ raw, metric: expected });
        expect(scoreSwemwbs([...answers].reverse())).toEqual(scoreSwemwbs(answers));
      }),
    );
  });

  it.each([
    [[1, 2, 3, 4, 5, 4], "six answers"],
    [[1, 2, 3, 4, 5, 4, 3, 2], "eight answers"],
    [[0, 2, 3, 4, 5, 4, 3], "an answer below 1"],
    [[6, 2, 3, 4, 5, 4, 3], "an answer above 5"],
    [[2.5, 2, 3, 4, 5, 4, 3], "a fractional answer"],
  ])("refuses %j (%s)", (answers) => {
    expect(() => scoreSwemwbs(answers)).toThrow(RangeError);
  });
});

describe("ONS4 bands", () => {
  const positive = ["lifeSatisfaction", "worthwhile", "happy"] as const;
  const positiveBands: [number, string][] = [
    [0, "low"],
    [4, "low"],
    [5, "medium"],
    [6, "medium"],
    [7, "high"],
    [8, "high"],
    [9, "very_high"],
    [10, "very_high"],
  ];
  const anxietyBands: [number, string][] = [
    [0, "very_low"],
    [1, "very_low"],
    [2, "low"],
    [3, "low"],
    [4, "medium"],
    [5, "medium"],
    [6, "high"],
    [10, "high"],
  ];

  for (const question of positive) {
    it.each(positiveBands)(`${question} of %i is %s`, (value, band) => {
      expect(ons4Band(question, value)).toBe(band);
    });
  }

  it.each(anxietyBands)("anxiety of %i is %s", (value, band) => {
    expect(ons4Band("anxious", value)).toBe(band);
  });

  it("bands every whole answer from 0 to 10 and nothing else", () => {
    for (let value = 0; value <= 10; value++) {
      expect(ons4Band("happy", value)).toBeDefined();
      expect(ons4Band("anxious", value)).toBeDefined();
    }
    for (const value of [-1, 11, 4.5, Number.NaN]) expect(() => ons4Band("happy", value)).toThrow(RangeError);
  });

  it("scores each of the four questions with its value and band", () => {
    expect(scoreOns4({ lifeSatisfaction: 4, worthwhile: 7, happy: 9, anxious: 1 })).toEqual({
      lifeSatisfaction: { value: 4, band: "low" },
      worthwhile: { value: 7, band: "high" },
      happy: { value: 9, band: "very_high" },
      anxious: { value: 1, band: "very_low" },
    });
  });
});
