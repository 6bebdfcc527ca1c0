import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, createApiHarness } from "../support/api";
import { aReferral } from "../support/builders";
import { seedStaff, team } from "../support/world";

let api: ApiHarness;
beforeAll(async () => {
  api = await createApiHarness();
  await seedStaff(api.context);
});
afterAll(() => api.close());

describe("referrals for one new person arriving at once", () => {
  it("all succeed or get a clear 409, never a 500, and make exactly one person record", async () => {
    const body = aReferral();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => api.call("POST", "/api/referrals", { as: team.gp, body })),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status !== 201 && status !== 409)).toEqual([]);
    for (const refused of responses.filter((response) => response.status === 409))
      expect(refused.body.error.code).toBe("version_conflict");
    const created = responses
      .filter((response) => response.status === 201)
      .map((response) => response.body.id);
    expect(created.length).toBeGreaterThan(0);

    const people = await api.db.entities.person.scan
      .where((attributes, { eq }) => eq(attributes.nhsNumber, body.person.nhsNumber ?? ""))
      .go({ pages: "all" });
    expect(people.data).toHaveLength(1);
    const [person] = people.data;
    expect([...(person?.openReferralIds ?? [])].sort()).toEqual([...created].sort());
    expect(person?.version).toBe(created.length);
    const matches = await api.db.entities.personMatch.scan.go({ pages: "all" });
    expect(matches.data).toEqual([]);
  });
});
