import type { DevIdentity } from "@linkwork/local/dev-issuer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, createApiHarness } from "../support/api";
import { journey } from "../support/journey";
import { addLinkWorker, seedStaff, team } from "../support/world";

/**
 * Every casework route, tried by everyone: the assigned worker and their manager get what their
 * relationship gives, roles that may never do it 403, anyone else exactly the answer for a referral
 * that does not exist (404), and nothing changes for a refusal.
 */
let api: ApiHarness;
let referralId: string;
const missingId = "ref_01jd8k2m3n4p5q6r7s8t9v0w1x";

const colleague: DevIdentity = {
  userId: "usr_worker_vcs_casework",
  email: "colleague.casework@linkwork.test",
  name: "Ravi Patel",
  roles: ["link_worker"],
  organisationId: team.vcsWorker.organisationId,
};

const everyone = {
  "the assigned link worker": team.vcsWorker,
  "another link worker of the organisation": colleague,
  "the organisation's manager": team.vcsManager,
  "another organisation's manager": team.pcnManager,
  "another organisation's link worker": team.pcnWorker,
  "a triage coordinator": team.coordinator,
  "the referrer": team.gp,
  "a commissioner": team.commissioner,
} satisfies Record<string, DevIdentity>;
type Who = keyof typeof everyone;

const { post, acceptedByCommunityConnect } = journey(() => api);
// Received moments ago: a contact "now" is the only time both after it and not in the future.
const justNow = () => new Date().toISOString();

async function caseOf(id = referralId) {
  const response = await api.call("GET", `/api/referrals/${id}/case`, { as: team.vcsWorker });
  expect(response.status).toBe(200);
  return response.body;
}

beforeAll(async () => {
  api = await createApiHarness();
  await seedStaff(api.context);
  await addLinkWorker(api.context, colleague);
  const accepted = await acceptedByCommunityConnect();
  const claimed = await post(`/api/referrals/${accepted.id}/claim`, team.vcsWorker, {
    version: accepted.version,
  });
  expect(claimed.status).toBe(200);
  referralId = accepted.id;
});
afterAll(() => api.close());

interface Route {
  method: string;
  path: (id: string) => string;
  body?: () => Promise<unknown> | unknown;
  /** Who succeeds, and with which status; everyone else is refused as `refusals` says. */
  granted: Partial<Record<Who, number>>;
  forbidden: Who[];
}

const caseRoutes = (): Record<string, Route> => ({
  "GET case": {
    method: "GET",
    path: (id) => `/api/referrals/${id}/case`,
    granted: { "the assigned link worker": 200, "the organisation's manager": 200 },
    forbidden: ["a triage coordinator", "the referrer", "a commissioner"],
  },
  "POST contacts": {
    method: "POST",
    path: (id) => `/api/referrals/${id}/contacts`,
    body: () => ({ at: justNow(), method: "phone", outcome: "no_answer" }),
    granted: { "the assigned link worker": 201 },
    forbidden: [
      "the organisation's manager",
      "another organisation's manager",
      "a triage coordinator",
      "the referrer",
      "a commissioner",
    ],
  },
  "PUT plan": {
    method: "PUT",
    path: (id) => `/api/referrals/${id}/plan`,
    body: async () => ({
      version: (await caseOf()).plan.version,
      whatMatters: "Seeing people",
      goals: [{ text: "Walking group", importance: 7, status: "active" }],
      reviewOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    }),
    granted: { "the assigned link worker": 200 },
    forbidden: [
      "the organisation's manager",
      "another organisation's manager",
      "a triage coordinator",
      "the referrer",
      "a commissioner",
    ],
  },
  "POST connections": {
    method: "POST",
    path: (id) => `/api/referrals/${id}/connections`,
    body: () => ({ serviceName: "Lunch club", sector: "vcs", need: "loneliness_isolation" }),
    granted: { "the assigned link worker": 201 },
    forbidden: [
      "the organisation's manager",
      "another organisation's manager",
      "a triage coordinator",
      "the referrer",
      "a commissioner",
    ],
  },
  "POST escalations": {
    method: "POST",
    path: (id) => `/api/referrals/${id}/escalations`,
    body: () => ({ to: "gp", note: "Chest pain on walking" }),
    granted: { "the assigned link worker": 201, "the organisation's manager": 201 },
    forbidden: ["a triage coordinator", "the referrer", "a commissioner"],
  },
});

async function expectRefusals(route: Route, label: string) {
  for (const [who, identity] of Object.entries(everyone) as [Who, DevIdentity][]) {
    if (route.granted[who] !== undefined) continue;
    const before = (await caseOf()).version;
    const call = async (id: string) =>
      api.call(route.method, route.path(id), {
        as: identity,
        ...(route.body ? { body: await route.body() } : {}),
      });
    const [real, missing] = await Promise.all([call(referralId), call(missingId)]);
    const expected = route.forbidden.includes(who) ? 403 : 404;
    expect({ route: label, who, status: real.status }).toEqual({ route: label, who, status: expected });
    expect({ route: label, who, body: real.body }).toEqual({ route: label, who, body: missing.body });
    expect((await caseOf()).version, `${label} refused for ${who} changed nothing`).toBe(before);
  }
  const anonymous = await api.call(
    route.method,
    route.path(referralId),
    route.body ? { body: await route.body() } : {},
  );
  expect({ route: label, status: anonymous.status }).toEqual({ route: label, status: 401 });
}

describe("who may work on a case", () => {
  for (const [label, route] of Object.entries(caseRoutes())) {
    it(`${label}: granted only where the relationship gives it, 403 for roles that never may, 404 for everyone else`, async () => {
      await expectRefusals(route, label);
      for (const [who, status] of Object.entries(route.granted) as [Who, number][]) {
        const response = await api.call(route.method, route.path(referralId), {
          as: everyone[who],
          ...(route.body ? { body: await route.body() } : {}),
        });
        expect({ route: label, who, status: response.status, body: response.body }).toMatchObject({
          route: label,
          who,
          status,
        });
      }
    });
  }

  it("PATCH a connection: the assigned worker alone", async () => {
    const added = await post(`/api/referrals/${referralId}/connections`, team.vcsWorker, {
      serviceName: "Citizens Advice Northshire",
      sector: "vcs",
      need: "finance_debt_benefits",
      status: "referred",
    });
    expect(added.status).toBe(201);
    const connectionId = added.body.connection.connectionId;
    const route: Route = {
      method: "PATCH",
      path: (id) => `/api/referrals/${id}/connections/${connectionId}`,
      body: () => ({ version: 1, status: "attended" }),
      granted: { "the assigned link worker": 200 },
      forbidden: [
        "the organisation's manager",
        "another organisation's manager",
        "a triage coordinator",
        "the referrer",
        "a commissioner",
      ],
    };
    await expectRefusals(route, "PATCH connection");
    const moved = await api.call("PATCH", route.path(referralId), {
      as: team.vcsWorker,
      body: { version: 1, status: "attended" },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.connection).toMatchObject({ status: "attended", version: 2 });
  });

  it("resolving an escalation: the worker, the manager and a triage coordinator; 403 for roles that never may, 404 for others", async () => {
    const raise = async () => {
      const raised = await post(`/api/referrals/${referralId}/escalations`, team.vcsWorker, {
        to: "adult_social_care",
        note: "Struggling with stairs",
      });
      expect(raised.status).toBe(201);
      return raised.body.escalation.escalationId as string;
    };
    const escalationId = await raise();
    for (const [who, status] of [
      ["another link worker of the organisation", 404],
      ["another organisation's manager", 404],
      ["another organisation's link worker", 404],
      ["the referrer", 403],
      ["a commissioner", 403],
    ] as [Who, number][]) {
      const response = await api.call(
        "POST",
        `/api/referrals/${referralId}/escalations/${escalationId}/resolve`,
        {
          as: everyone[who],
          body: { version: 1, note: "Sorted" },
        },
      );
      expect({ who, status: response.status }).toEqual({ who, status });
    }
    const anonymous = await api.call(
      "POST",
      `/api/referrals/${referralId}/escalations/${escalationId}/resolve`,
      {
        body: { version: 1, note: "Sorted" },
      },
    );
    expect(anonymous.status).toBe(401);
    for (const who of [
      "the assigned link worker",
      "the organisation's manager",
      "a triage coordinator",
    ] as Who[]) {
      const id = who === "the assigned link worker" ? escalationId : await raise();
      const response = await api.call("POST", `/api/referrals/${referralId}/escalations/${id}/resolve`, {
        as: everyone[who],
        body: { version: 1, note: "Sorted" },
      });
      expect({ who, status: response.status }).toEqual({ who, status: 200 });
      expect(response.body.escalation.status).toBe("resolved");
      expect(response.body.case === undefined).toBe(who === "a triage coordinator");
    }
  });

  it("GET /api/escalations: coordinators see the area's, managers their own organisation's, others 403", async () => {
    const raised = await post(`/api/referrals/${referralId}/escalations`, team.vcsWorker, {
      to: "safeguarding",
      note: "Worried about her nephew",
    });
    expect(raised.status).toBe(201);
    const { escalationId } = raised.body.escalation;
    const listed = async (identity: DevIdentity) => {
      const response = await api.call("GET", "/api/escalations", { as: identity });
      expect(response.status, identity.email).toBe(200);
      return response.body.items.map((item: { escalationId: string }) => item.escalationId);
    };
    expect(await listed(team.coordinator)).toContain(escalationId);
    expect(await listed(team.vcsManager)).toContain(escalationId);
    expect(await listed(team.pcnManager)).not.toContain(escalationId);
    const item = (await api.call("GET", "/api/escalations", { as: team.coordinator })).body.items.find(
      (candidate: { escalationId: string }) => candidate.escalationId === escalationId,
    );
    expect(item).toMatchObject({ referralId, version: 1, to: "safeguarding", personName: "Ada Okafor" });
    // The coordinator answers the queue, so they read the concern raised.
    expect(item.note).toBe("Worried about her nephew");
    for (const identity of [team.vcsWorker, team.gp, team.commissioner, team.admin]) {
      expect((await api.call("GET", "/api/escalations", { as: identity })).status, identity.email).toBe(403);
    }
    expect((await api.call("GET", "/api/escalations")).status).toBe(401);
  });

  it("casework settings: staff read them, only an admin changes them, with the version", async () => {
    for (const identity of [team.admin, team.coordinator, team.vcsManager, team.vcsWorker]) {
      const response = await api.call("GET", "/api/settings/casework", { as: identity });
      expect(response.status, identity.email).toBe(200);
      expect(response.body).toEqual({
        version: 0,
        measures: ["swemwbs", "ons4"],
        unableToContactAfterAttempts: 3,
      });
    }
    for (const identity of [team.gp, team.commissioner]) {
      expect((await api.call("GET", "/api/settings/casework", { as: identity })).status).toBe(403);
    }
    const change = { version: 0, measures: ["ons4"], unableToContactAfterAttempts: 4 };
    for (const identity of [team.coordinator, team.vcsManager, team.vcsWorker]) {
      expect((await api.call("PUT", "/api/settings/casework", { as: identity, body: change })).status).toBe(
        403,
      );
    }
    expect((await api.call("PUT", "/api/settings/casework", { body: change })).status).toBe(401);
    const saved = await api.call("PUT", "/api/settings/casework", { as: team.admin, body: change });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, measures: ["ons4"], unableToContactAfterAttempts: 4 });
    const stale = await api.call("PUT", "/api/settings/casework", { as: team.admin, body: change });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "version_conflict", currentVersion: 1 });
    const restored = await api.call("PUT", "/api/settings/casework", {
      as: team.admin,
      body: { version: 1, measures: ["swemwbs", "ons4"], unableToContactAfterAttempts: 3 },
    });
    expect(restored.status).toBe(200);
  });
});
