import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, createApiHarness } from "../support/api";
import { journey, triage } from "../support/journey";
import { seedStaff, team } from "../support/world";

let api: ApiHarness;
beforeAll(async () => {
  api = await createApiHarness();
  await seedStaff(api.context);
});
afterAll(() => api.close());

const { post, referred } = journey(() => api);

describe("the triage queue", () => {
  it("sorts by priority, then age, and filters by priority, risk and need", async () => {
    const routine = await referred({ riskFlags: [] });
    const crisis = await referred({ riskFlags: ["crisis"] });
    const queue = await api.call("GET", "/api/referrals?status=received", { as: team.coordinator });
    const ids = queue.body.items.map((item: { id: string }) => item.id);
    expect(ids.indexOf(crisis.id)).toBeLessThan(ids.indexOf(routine.id));

    const risky = await api.call("GET", "/api/referrals?status=received&riskFlag=crisis", {
      as: team.coordinator,
    });
    expect(risky.body.items.map((item: { id: string }) => item.id)).toEqual([crisis.id]);

    const done = await post(`/api/referrals/${routine.id}/triage`, team.coordinator, {
      version: 1,
      ...triage,
      priority: "urgent",
    });
    const urgent = await api.call("GET", "/api/referrals?status=triaged&priority=urgent", {
      as: team.coordinator,
    });
    expect(urgent.body.items.map((item: { id: string }) => item.id)).toContain(done.body.id);
    const housing = await api.call("GET", "/api/referrals?status=triaged&need=housing&priority=urgent", {
      as: team.coordinator,
    });
    expect(housing.body.items.map((item: { id: string }) => item.id)).toEqual([routine.id]);
  });

  it("shows each referral's running service-level timer", async () => {
    const referral = await referred();
    expect(referral.serviceLevel).toMatchObject({ step: "triage", overdue: false });
    expect(Date.parse(referral.serviceLevel.dueAt)).toBeGreaterThan(Date.parse(referral.receivedAt));
  });
});
