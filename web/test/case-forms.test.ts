import type { Case } from "@linkwork/core/casework/schema";
import { describe, expect, it } from "vitest";
import { describePlanConflict, planChanges } from "../src/components/case/describe-plan-conflict";
import {
  type PlanValues,
  planRequestOf,
  restorePlan,
  reviewDateOf,
} from "../src/components/case/plan-values";
import { instantOf, ukDateTimeOf, ukToday } from "../src/components/case/uk-time";
import { restoreByShape } from "../src/drafts/create-draft";

describe("contact times, as a link worker in England types them", () => {
  it("reads a winter time as UTC and a summer time as an hour ahead of it", () => {
    expect(instantOf({ day: "1", month: "12", year: "2026", time: "14:30" })).toEqual({
      instant: new Date("2026-12-01T14:30:00Z"),
    });
    expect(instantOf({ day: "1", month: "7", year: "2026", time: "09:05" })).toEqual({
      instant: new Date("2026-07-01T08:05:00Z"),
    });
  });

  it("takes the first of the two 1:30s when the clocks go back, and moves a skipped time on by the hour", () => {
    expect(instantOf({ day: "25", month: "10", year: "2026", time: "01:30" })).toEqual({
      instant: new Date("2026-10-25T00:30:00Z"),
    });
    expect(instantOf({ day: "29", month: "3", year: "2026", time: "01:30" })).toEqual({
      instant: new Date("2026-03-29T01:30:00Z"),
    });
  });

  it("names the part that is not a real date or time", () => {
    expect(instantOf({ day: "31", month: "2", year: "2026", time: "10:00" })).toEqual({ problem: "date" });
    expect(instantOf({ day: "1", month: "2", year: "26", time: "10:00" })).toEqual({ problem: "date" });
    expect(instantOf({ day: "1", month: "2", year: "2026", time: "25:00" })).toEqual({ problem: "time" });
    expect(instantOf({ day: "1", month: "2", year: "2026", time: "ten" })).toEqual({ problem: "time" });
  });

  it("fills the boxes with now in UK time, and reads them back to the same minute", () => {
    const now = new Date("2026-06-30T23:15:00Z");
    expect(ukDateTimeOf(now)).toEqual({ day: "1", month: "7", year: "2026", time: "00:15" });
    expect(ukToday(now)).toBe("2026-07-01");
    expect(instantOf(ukDateTimeOf(now))).toEqual({ instant: now });
  });
});

const plan = (change: Partial<PlanValues> = {}): PlanValues => ({
  baseVersion: 2,
  whatMatters: "Meeting people",
  reviewDay: "15",
  reviewMonth: "1",
  reviewYear: "2027",
  goals: [
    { key: "g1", goalId: "goal_1", text: "Walk on Tuesdays", importance: "8", status: "active", actions: "" },
  ],
  ...change,
});

describe("the plan form", () => {
  it("sends the plan against the version it started from, new goals without an id", () => {
    const values = plan({
      goals: [
        ...plan().goals,
        {
          key: "new-1",
          goalId: "",
          text: "Sort out the bills",
          importance: "10",
          status: "active",
          actions: "Call the council",
        },
      ],
    });
    expect(planRequestOf(values, "2026-12-01")).toEqual({
      ok: true,
      body: {
        version: 2,
        whatMatters: "Meeting people",
        reviewOn: "2027-01-15",
        goals: [
          { goalId: "goal_1", text: "Walk on Tuesdays", importance: 8, status: "active" },
          { text: "Sort out the bills", importance: 10, status: "active", actions: "Call the council" },
        ],
      },
    });
  });

  it("names each problem with its goal, and refuses a review date in the past", () => {
    const values = plan({
      reviewDay: "30",
      reviewMonth: "11",
      reviewYear: "2026",
      goals: [{ key: "new-1", goalId: "", text: " ", importance: "", status: "active", actions: "" }],
    });
    expect(planRequestOf(values, "2026-12-01")).toEqual({
      ok: false,
      problems: [
        { path: "reviewOn", message: "The review date must be today or later" },
        { path: "goals.0.text", message: "Describe goal 1" },
        { path: "goals.0.importance", message: "Select how much goal 1 matters to them, from 1 to 10" },
      ],
    });
    expect(reviewDateOf(plan({ reviewDay: "31", reviewMonth: "4" }))).toBeUndefined();
  });

  it("restores a stored draft only when every part still has the form's shape", () => {
    expect(restorePlan(JSON.parse(JSON.stringify(plan({ whatMatters: "Typed" }))), plan())?.whatMatters).toBe(
      "Typed",
    );
    expect(restorePlan({ ...plan(), goals: [{ text: 3 }] }, plan())).toBeUndefined();
    expect(restorePlan("nonsense", plan())).toBeUndefined();
  });
});

describe("drafts", () => {
  it("keep each stored value that fits the form, and the form's own for the rest", () => {
    const initial = { method: "", note: "", attempts: [] as string[] };
    expect(restoreByShape({ method: "phone", note: 7, attempts: "x", extra: "ignored" }, initial)).toEqual({
      method: "phone",
      note: "",
      attempts: [],
    });
    expect(restoreByShape(null, initial)).toBeUndefined();
  });
});

describe("a plan someone else saved first", () => {
  const goal = (goalId: string, text: string, status: "active" | "achieved" | "dropped" = "active") => ({
    goalId,
    text,
    importance: 5,
    status,
  });

  it("lists what they changed against the version this user started from", () => {
    expect(
      planChanges(
        {
          whatMatters: "Meeting people",
          reviewOn: "2027-01-15",
          goals: [goal("a", "Walk"), goal("b", "Bills")],
        },
        {
          whatMatters: "Meeting people",
          reviewOn: "2027-02-01",
          goals: [goal("a", "Walk", "achieved"), goal("c", "Lunch club")],
        },
      ),
    ).toEqual([
      "set the review for 1 February 2027",
      "marked “Walk” as achieved",
      "added the goal “Lunch club”",
      "removed the goal “Bills”",
    ]);
  });

  it("says who saved it and when", () => {
    const latest = {
      whatMatters: "Seeing the grandchildren",
      plan: {
        version: 1,
        goals: [goal("a", "Walk")],
        reviewOn: "2027-01-15",
        history: [
          {
            version: 1,
            whatMatters: "Seeing the grandchildren",
            goals: [goal("a", "Walk")],
            reviewOn: "2027-01-15",
            savedAt: "2026-12-01T10:04:00Z",
            savedBy: "usr_1",
            savedByName: "Megan Hughes",
          },
        ],
      },
    } as Pick<Case, "whatMatters" | "plan">;
    const { body } = describePlanConflict(0, { ...(latest as Case) });
    expect(body).toMatch(
      /^Megan Hughes saved the plan on 1 December 2026 at 10:04 while you were editing it: they changed what matters/,
    );
    expect(body).toContain("added the goal “Walk”");
  });
});
