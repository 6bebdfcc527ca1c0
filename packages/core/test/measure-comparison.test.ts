import { describe, expect, it } from "vitest";
import { measureConflict, unassessedNeeds } from "../src/casework/domain/measure-rules";
import type { RecordedMeasure } from "../src/casework/domain/measure-types";
import { compareMeasures, domainSnapshots, scoreMeasure } from "../src/casework/domain/measures";
import type { MeasureStage } from "../src/casework/vocabulary";

let sequence = 0;
function recorded(
  stage: MeasureStage,
  recordedAt: string,
  input: Parameters<typeof scoreMeasure>[0],
): RecordedMeasure {
  sequence += 1;
  return { ...scoreMeasure(input), measureId: `msr_${sequence}`, stage, recordedAt };
}

const swemwbs = (stage: MeasureStage, at: string, answers: number[]) =>
  recorded(stage, `2026-0${at}T10:00:00.000Z`, { tool: "swemwbs", answers });

describe("comparing SWEMWBS", () => {
  it("puts the baseline beside the final with the change in metric score, meaningful at 3 or more", () => {
    const [comparison] = compareMeasures([
      swemwbs("baseline", "1-05", [2, 2, 2, 2, 2, 2, 2]), // raw 14: 15.32
      swemwbs("review", "2-05", [3, 3, 2, 2, 2, 2, 2]), // raw 16
      swemwbs("final", "3-05", [3, 3, 3, 3, 2, 2, 2]), // raw 18: 17.43
    ]);
    expect(comparison).toMatchObject({
      tool: "swemwbs",
      baseline: { stage: "baseline", score: { raw: 14, metric: 15.32 } },
      final: { stage: "final", score: { raw: 18, metric: 17.43 } },
      latest: { stage: "final" },
      change: 2.11,
      meaningful: false,
    });
  });

  it("compares with the latest measure while there is no final, and counts a fall of 3 as meaningful", () => {
    const [comparison] = compareMeasures([
      swemwbs("review", "2-05", [3, 3, 3, 3, 3, 3, 3]), // raw 21: 19.25
      swemwbs("baseline", "1-05", [4, 4, 4, 4, 4, 4, 4]), // raw 28: 25.03
    ]);
    expect(comparison).toMatchObject({ change: -5.78, meaningful: true, latest: { stage: "review" } });
    expect(comparison?.final).toBeUndefined();
  });

  it("counts a rise of just over 3 points as meaningful", () => {
    // raw 24 (21.54) to raw 27 (24.11) is 2.57; raw 21 (19.25) to raw 25 (22.35) is 3.10.
    const [comparison] = compareMeasures([
      swemwbs("baseline", "1-05", [3, 3, 3, 3, 3, 3, 3]),
      swemwbs("final", "2-05", [4, 4, 4, 4, 3, 3, 3]),
    ]);
    expect(comparison).toMatchObject({ change: 3.1, meaningful: true });
  });

  it("gives no change for a baseline on its own, nor for reviews without a baseline", () => {
    expect(compareMeasures([swemwbs("baseline", "1-05", [3, 3, 3, 3, 3, 3, 3])])[0]).not.toHaveProperty(
      "change",
    );
    expect(compareMeasures([swemwbs("review", "1-05", [3, 3, 3, 3, 3, 3, 3])])[0]).not.toHaveProperty(
      "change",
    );
  });
});

describe("comparing ONS4", () => {
  it("reports each question's change, and a fall in anxiety as better", () => {
    const [comparison] = compareMeasures([
      recorded("baseline", "2026-01-01T10:00:00.000Z", {
        tool: "ons4",
        answers: { lifeSatisfaction: 3, worthwhile: 5, happy: 6, anxious: 8 },
      }),
      recorded("final", "2026-03-01T10:00:00.000Z", {
        tool: "ons4",
        answers: { lifeSatisfaction: 7, worthwhile: 5, happy: 4, anxious: 3 },
      }),
    ]);
    expect(comparison?.tool).toBe("ons4");
    expect(comparison?.change).toEqual({
      lifeSatisfaction: { from: 3, to: 7, change: 4, direction: "better", bandFrom: "low", bandTo: "high" },
      worthwhile: { from: 5, to: 5, change: 0, direction: "same", bandFrom: "medium", bandTo: "medium" },
      happy: { from: 6, to: 4, change: -2, direction: "worse", bandFrom: "medium", bandTo: "low" },
      anxious: { from: 8, to: 3, change: -5, direction: "better", bandFrom: "high", bandTo: "low" },
    });
    expect(comparison).not.toHaveProperty("meaningful");
  });
});

describe("comparing need domains", () => {
  const baseline = recorded("baseline", "2026-01-01T10:00:00.000Z", {
    tool: "domains",
    answers: { housing: "not_managing", finance_debt_benefits: "not_managing", mental_wellbeing: "managing" },
  });
  const final = recorded("final", "2026-03-01T10:00:00.000Z", {
    tool: "domains",
    answers: {
      housing: "getting_support",
      finance_debt_benefits: "not_managing",
      mental_wellbeing: "getting_support",
    },
  });

  it("lists the needs that moved out of not managing, and is meaningful when any did", () => {
    const [comparison] = compareMeasures([final, baseline]);
    expect(comparison).toMatchObject({
      tool: "domains",
      change: { movedOutOfNotManaging: ["housing"], better: ["housing"], worse: ["mental_wellbeing"] },
      meaningful: true,
    });
  });

  it("gives the case its baseline, latest and final statuses", () => {
    expect(domainSnapshots([final, baseline])).toEqual({
      baseline: { at: baseline.recordedAt, statuses: baseline.score },
      latest: { at: final.recordedAt, statuses: final.score },
      final: { at: final.recordedAt, statuses: final.score },
    });
    expect(domainSnapshots([])).toEqual({});
  });

  it("lists the referral's needs a measure leaves without a status", () => {
    expect(unassessedNeeds(["housing", "carer_support", "other"], { housing: "managing" })).toEqual([
      "carer_support",
      "other",
    ]);
  });
});

describe("which measures may be recorded", () => {
  const at = "2026-02-01T10:00:00.000Z";

  it("orders the comparison by tool and leaves out tools never used", () => {
    const tools = compareMeasures([
      recorded("baseline", at, { tool: "domains", answers: { housing: "managing" } }),
      swemwbs("baseline", "1-05", [3, 3, 3, 3, 3, 3, 3]),
    ]).map((comparison) => comparison.tool);
    expect(tools).toEqual(["swemwbs", "domains"]);
  });

  it("takes one baseline per tool", () => {
    const earlier = [{ tool: "swemwbs" as const, stage: "baseline" as const, recordedAt: at }];
    expect(measureConflict(earlier, { tool: "swemwbs", stage: "baseline" })).toMatch(/record a review/);
    expect(measureConflict(earlier, { tool: "ons4", stage: "baseline" })).toBeUndefined();
    expect(measureConflict(earlier, { tool: "swemwbs", stage: "review" })).toBeUndefined();
  });

  it("takes one final per tool in each period of support, another after the case is reopened", () => {
    const earlier = [{ tool: "ons4" as const, stage: "final" as const, recordedAt: at }];
    expect(measureConflict(earlier, { tool: "ons4", stage: "final" })).toMatch(/already recorded/);
    expect(measureConflict(earlier, { tool: "ons4", stage: "final" }, "2026-01-01T00:00:00.000Z")).toMatch(
      /already recorded/,
    );
    expect(
      measureConflict(earlier, { tool: "ons4", stage: "final" }, "2026-03-01T00:00:00.000Z"),
    ).toBeUndefined();
  });
});
