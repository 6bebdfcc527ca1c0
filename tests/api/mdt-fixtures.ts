import type { DevIdentity } from "@linkwork/local/dev-issuer";
import { afterAll, beforeAll, expect } from "vitest";
import { type ApiHarness, createApiHarness } from "../support/api";
import { aReferral } from "../support/builders";
import { addUsers, seedStaff, team } from "../support/world";

/** A council member of the team: outside the NHS, like the voluntary sector's link worker. */
export const councilMember: DevIdentity = {
  userId: "usr_test_council_officer",
  email: "council.officer@linkwork.test",
  name: "Dana Whitfield",
  roles: ["mdt_member"],
  organisationId: "org_northshire_council",
};

/**
 * The team every MDT test meets: chaired by the GP (not named among the members), with the PCN's
 * link worker (NHS), Community Connect's link worker (voluntary sector) and a council officer.
 */
export const teamMembers = [team.pcnWorker.userId, team.vcsWorker.userId, councilMember.userId];

export async function addCouncilMember(api: ApiHarness) {
  await addUsers(api.context, [councilMember]);
}

/**
 * A suite's API on DynamoDB Local, with the staff and the council member in place before its
 * first test, and the MDT helpers that call it.
 */
export function mdtApiSuite() {
  let harness: ApiHarness | undefined;
  beforeAll(async () => {
    harness = await createApiHarness();
    await seedStaff(harness.context);
    await addCouncilMember(harness);
  });
  afterAll(() => harness?.close());
  const api = (): ApiHarness => {
    if (!harness) throw new Error("The API starts before the suite's first test");
    return harness;
  };
  return { api, ...mdtHelpers(api) };
}

/** A moment `days` from now, as the API's clock (the real one) sees it. */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();
}

export function mdtHelpers(api: () => ApiHarness) {
  async function createTeam(overrides: Record<string, unknown> = {}) {
    const response = await api().call("POST", "/api/mdts", {
      as: team.admin,
      body: {
        name: "Riverside and Hillside MDT",
        practices: ["A81001", "A81002"],
        chairUserId: team.gp.userId,
        memberUserIds: teamMembers,
        cadenceDays: 14,
        ...overrides,
      },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as { id: string; members: { userId: string }[]; version: number };
  }

  async function planned(mdtId: string, startsAt = daysFromNow(3)) {
    const response = await api().call("POST", `/api/mdts/${mdtId}/meetings`, {
      as: team.gp,
      body: { startsAt, durationMinutes: 90 },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as { id: string; version: number; status: string };
  }

  async function referredWith(overrides: Record<string, unknown> = {}) {
    const response = await api().call("POST", "/api/referrals", {
      as: team.gp,
      body: aReferral({ riskFlags: ["high_risk_admission"], ...overrides }),
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as { id: string; version: number };
  }

  async function listed(meetingId: string, referralId: string, as: DevIdentity = team.gp, extra = {}) {
    const response = await api().call("POST", `/api/meetings/${meetingId}/items`, {
      as,
      body: { referralId, reason: "Three admissions since September", ...extra },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as { id: string; version: number; position: number; column: string };
  }

  return { createTeam, planned, referredWith, listed };
}
