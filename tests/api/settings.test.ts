import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, createApiHarness } from "../support/api";
import { journey } from "../support/journey";
import { seedStaff, team } from "../support/world";

let api: ApiHarness;
beforeAll(async () => {
  api = await createApiHarness();
  await seedStaff(api.context);
});
afterAll(() => api.close());

const { referred } = journey(() => api);
const path = "/api/settings/service-levels";
const settings = {
  triageWorkingDays: 3,
  acceptanceWorkingDays: 5,
  firstContactWorkingDays: 5,
  urgentFirstContactWorkingDays: 1,
  closureDays: [] as string[],
};

describe("the area's service-level settings", () => {
  it("start as the national defaults, and an admin can set the area's own", async () => {
    const defaults = await api.call("GET", path, { as: team.coordinator });
    expect(defaults.body).toEqual({ ...settings, triageWorkingDays: 2, version: 0 });
    const before = await referred();

    const saved = await api.call("PUT", path, { as: team.admin, body: { ...settings, version: 0 } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ triageWorkingDays: 3, version: 1 });

    // A referral received now gets three working days to triage; the one before keeps its two.
    const after = await referred();
    expect(Date.parse(after.serviceLevel.dueAt)).toBeGreaterThan(Date.parse(before.serviceLevel.dueAt));
  });

  it("refuses a stale version, a non-admin, and impossible values, naming each problem", async () => {
    const current = (await api.call("GET", path, { as: team.admin })).body;
    const stale = await api.call("PUT", path, {
      as: team.admin,
      body: { ...settings, version: current.version - 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "version_conflict", currentVersion: current.version });

    const coordinator = await api.call("PUT", path, {
      as: team.coordinator,
      body: { ...settings, version: current.version },
    });
    expect(coordinator.status).toBe(403);
    expect((await api.call("GET", path, { as: team.commissioner })).status).toBe(403);

    const invalid = await api.call("PUT", path, {
      as: team.admin,
      body: { ...settings, triageWorkingDays: 0, closureDays: ["Christmas Eve"], version: current.version },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.map((detail: { path: string }) => detail.path)).toEqual([
      "triageWorkingDays",
      "closureDays.0",
    ]);
  });
});
