import { describe, expect, it } from "vitest";
import { openTargets } from "../src/casework/domain/escalation-rules";
import { addMonths, reviewDateProblem, unknownGoalProblems } from "../src/casework/domain/plan-rules";

describe("the plan's review date", () => {
  it.each([
    ["2026-11-23", 12, "2027-11-23"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2027-12-31", 2, "2028-02-29"],
    ["2026-08-15", 6, "2027-02-15"],
  ])("%s plus %i months is %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it("must be today or later, and within 12 months", () => {
    const today = "2026-11-23";
    expect(reviewDateProblem("2026-11-22", today)?.message).toMatch(/today or later/);
    expect(reviewDateProblem("2026-11-23", today)).toBeUndefined();
    expect(reviewDateProblem("2027-11-23", today)).toBeUndefined();
    expect(reviewDateProblem("2027-11-24", today)?.message).toMatch(/12 months/);
  });
});

describe("goals sent with an id", () => {
  it("must be goals of the plan, each once", () => {
    const known = new Set(["gol_a", "gol_b"]);
    expect(
      unknownGoalProblems([{ goalId: "gol_a" }, {}, { goalId: "gol_z" }, { goalId: "gol_a" }], known),
    ).toEqual([
      { path: "goals.2.goalId", message: expect.stringMatching(/not in the plan/) },
      { path: "goals.3.goalId", message: "Each goal may appear once" },
    ]);
  });
});

describe("where a case stands escalated", () => {
  it("lists each target of its open escalations once, in a fixed order", () => {
    expect(openTargets([{ to: "safeguarding" }, { to: "gp" }, { to: "safeguarding" }])).toEqual([
      "gp",
      "safeguarding",
    ]);
    expect(openTargets([])).toEqual([]);
  });
});
