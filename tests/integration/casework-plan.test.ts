import { readCase } from "@linkwork/core/casework/read-case";
import { savePlan } from "@linkwork/core/casework/save-plan";
import { readReferral } from "@linkwork/core/referral/read";
import { beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../support/database";
import { seedStaff } from "../support/world";
import { assignedReferral, manager, outboxOf, worker } from "./casework-fixtures";

let setup: Awaited<ReturnType<typeof createTestContext>>;

beforeEach(async () => {
  setup = await createTestContext("2026-11-23T09:00:00.000Z");
  await seedStaff(setup.context);
});

const firstPlan = {
  version: 0,
  whatMatters: "Getting out of the house again and seeing people",
  goals: [
    { text: "Go to the Thursday walking group", importance: 8, actions: "Lee to ring the organiser" },
    { text: "Sort out the council tax letter", importance: 5 },
  ],
  reviewOn: "2027-01-15",
};

async function errorOf(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: { code: string; currentVersion?: number; details?: unknown }) => error,
  );
}

describe("the wellbeing plan", () => {
  it("saves what matters and the goals as version 1, keeps each save in the history and puts the review date on the referral", async () => {
    const referral = await assignedReferral(setup.context);
    const saved = await savePlan(setup.context, worker, referral.id, firstPlan);
    expect(saved.whatMatters).toBe(firstPlan.whatMatters);
    expect(saved.plan).toMatchObject({ version: 1, reviewOn: "2027-01-15" });
    expect(saved.plan.goals).toMatchObject([
      {
        text: "Go to the Thursday walking group",
        importance: 8,
        status: "active",
        actions: "Lee to ring the organiser",
      },
      { text: "Sort out the council tax letter", importance: 5, status: "active" },
    ]);

    const [walking, letter] = saved.plan.goals;
    setup.clock.set("2026-12-10T09:00:00.000Z");
    const reviewed = await savePlan(setup.context, worker, referral.id, {
      version: 1,
      whatMatters: firstPlan.whatMatters,
      goals: [
        { goalId: walking?.goalId, text: walking?.text, importance: 9, status: "achieved" },
        { goalId: letter?.goalId, text: letter?.text, importance: 5, status: "dropped" },
        { text: "Join the lunch club", importance: 7 },
      ],
      reviewOn: "2027-02-01",
    });
    expect(reviewed.plan.version).toBe(2);
    expect(reviewed.plan.goals.map((goal) => [goal.goalId === walking?.goalId, goal.status])).toEqual([
      [true, "achieved"],
      [false, "dropped"],
      [false, "active"],
    ]);
    expect(reviewed.plan.goals[1]?.goalId).toBe(letter?.goalId);
    expect(
      reviewed.plan.history.map((revision) => [revision.version, revision.goals.length, revision.reviewOn]),
    ).toEqual([
      [2, 3, "2027-02-01"],
      [1, 2, "2027-01-15"],
    ]);
    expect(reviewed.plan.history[1]).toMatchObject({ savedBy: worker.userId, savedByName: worker.name });

    expect(await readReferral(setup.context, worker, referral.id)).toMatchObject({
      reviewOn: "2027-02-01",
      version: referral.version,
    });
    const events = (await outboxOf(setup.context, referral.id)).filter(
      (event) => event.type === "case.plan_saved",
    );
    expect(events.map((event) => event.data)).toEqual([
      { planVersion: 1, goals: 2, reviewOn: "2027-01-15" },
      { planVersion: 2, goals: 3, reviewOn: "2027-02-01" },
    ]);
  });

  it("accepts one of two saves made on the same version and tells the other the plan's current version", async () => {
    const referral = await assignedReferral(setup.context);
    const results = await Promise.allSettled([
      savePlan(setup.context, worker, referral.id, firstPlan),
      savePlan(setup.context, worker, referral.id, { ...firstPlan, whatMatters: "Feeling less alone" }),
    ]);
    const fulfilled = results.filter((result) => result.status === "fulfilled");
    const rejected = results.filter((result) => result.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected.map((result) => result.reason)).toMatchObject([
      { code: "version_conflict", currentVersion: 1 },
    ]);
    const stored = await readCase(setup.context, worker, referral.id);
    expect(stored.plan.version).toBe(1);
    expect(stored.plan.history).toHaveLength(1);
  });

  it("refuses a review date in the past or more than 12 months ahead, and goal ids not in the plan, listing each", async () => {
    const referral = await assignedReferral(setup.context);
    const past = await errorOf(
      savePlan(setup.context, worker, referral.id, { ...firstPlan, reviewOn: "2026-11-22" }),
    );
    expect(past).toMatchObject({ code: "validation_failed", details: [{ path: "reviewOn" }] });
    const far = await errorOf(
      savePlan(setup.context, worker, referral.id, {
        ...firstPlan,
        goals: [{ goalId: "gol_01jd8k2m3n4p5q6r7s8t9v0w1x", text: "Invented", importance: 3 }],
        reviewOn: "2027-11-24",
      }),
    );
    expect(far).toMatchObject({
      code: "validation_failed",
      details: [{ path: "goals.0.goalId" }, { path: "reviewOn" }],
    });
    // Today and exactly twelve months ahead are both fine.
    await savePlan(setup.context, worker, referral.id, { ...firstPlan, reviewOn: "2027-11-23" });
    await savePlan(setup.context, worker, referral.id, { ...firstPlan, version: 1, reviewOn: "2026-11-23" });
  });

  it("lets only the assigned worker change the plan: the manager reads it but may not write it", async () => {
    const referral = await assignedReferral(setup.context);
    await savePlan(setup.context, worker, referral.id, firstPlan);
    const refused = await errorOf(
      savePlan(setup.context, manager, referral.id, { ...firstPlan, version: 1 }),
    );
    expect(refused).toMatchObject({ code: "forbidden" });
    const seen = await readCase(setup.context, manager, referral.id);
    expect(seen.plan.version).toBe(1);
    expect(seen.allowedActions).not.toContain("update_plan");
  });
});
