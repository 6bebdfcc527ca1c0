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

async function refusalsOf(subjectId: string) {
  const entries = await api.context.db.entities.audit.query.bySubject({ subjectId }).go({ pages: "all" });
  return entries.data
    .filter((entry) => entry.outcome === "denied")
    .map(({ actorId, action, purpose }) => ({ actorId, action, purpose }));
}

describe("refused requests about a referral", () => {
  it("are each in the audit trail once, whether a route's role check or the use case refused them", async () => {
    const referral = await referred();
    const triage = { version: 1, priority: "soon", supportLevel: "intensive", needs: ["housing"] };

    const byRole = await api.call("POST", `/api/referrals/${referral.id}/triage`, {
      as: team.gp,
      body: triage,
    });
    expect(byRole.status).toBe(403);
    const commissioner = await api.call("GET", `/api/referrals/${referral.id}`, { as: team.commissioner });
    expect(commissioner.status).toBe(403);
    const otherOrganisation = await api.call("GET", `/api/referrals/${referral.id}`, { as: team.vcsWorker });
    expect(otherOrganisation.status).toBe(404);
    const stale = await api.call("POST", `/api/referrals/${referral.id}/triage`, {
      as: team.coordinator,
      body: { ...triage, version: 7 },
    });
    expect(stale.status).toBe(409);

    expect(await refusalsOf(referral.id)).toEqual([
      { actorId: team.gp.userId, action: "POST /referrals/:id/triage", purpose: "Refused: forbidden" },
      { actorId: team.commissioner.userId, action: "referral.read", purpose: "Refused: forbidden" },
      { actorId: team.vcsWorker.userId, action: "referral.read", purpose: "No relationship" },
      { actorId: team.coordinator.userId, action: "referral.triage", purpose: "Refused: version_conflict" },
    ]);
  });
});
