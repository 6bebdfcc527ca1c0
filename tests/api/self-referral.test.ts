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

describe("self-referral", () => {
  const selfReferral = () => {
    const { nhsNumber: _none, ...person } = aReferral().person;
    return {
      person: { ...person, email: "ada@example.com" },
      reason: "I have been feeling very lonely since I moved here.",
      needs: ["loneliness_isolation"],
      consent: { shareWithProviders: true },
    };
  };

  it("needs no sign-in, gives a reference and lands in the triage queue as a self-referral", async () => {
    const response = await api.call("POST", "/api/self-referrals", {
      body: selfReferral(),
      sourceIp: "198.51.100.7",
    });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ reference: expect.stringMatching(/^LW-/) });
    const queue = await api.call("GET", "/api/referrals?status=received", { as: team.coordinator });
    const landed = queue.body.items.find(
      (item: { reference: string }) => item.reference === response.body.reference,
    );
    expect(landed).toMatchObject({ source: "self", status: "received" });
  });

  it("lists the area's practices without sign-in, so a person can name theirs", async () => {
    const response = await api.call("GET", "/api/practices");
    expect(response.status).toBe(200);
    expect(response.body.items).toContainEqual({ odsCode: "A81001", name: "Riverside Surgery" });
  });

  it("asks for a way to get in touch and lists every problem", async () => {
    const { email: _email, phone: _phone, ...person } = selfReferral().person;
    const response = await api.call("POST", "/api/self-referrals", {
      body: { ...selfReferral(), person, needs: [] },
      sourceIp: "198.51.100.8",
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual([
      "needs",
      "person.phone",
    ]);
  });

  it("limits how often one caller can refer, without affecting others", async () => {
    const from = (sourceIp: string) =>
      api.call("POST", "/api/self-referrals", { body: selfReferral(), sourceIp });
    const results = [];
    for (let attempt = 0; attempt < 6; attempt++) results.push((await from("203.0.113.9")).status);
    expect(results).toEqual([202, 202, 202, 202, 202, 429]);
    const limited = await from("203.0.113.9");
    expect(limited.body.error.code).toBe("rate_limited");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect((await from("203.0.113.10")).status).toBe(202);
  });
});
