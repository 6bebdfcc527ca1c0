import type { DevIdentity } from "@linkwork/local/dev-issuer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, createApiHarness } from "../support/api";
import { aReferral, people } from "../support/builders";
import { addLinkWorker, addUsers, seedStaff, team } from "../support/world";

/**
 * Every route that touches one referral, tried by everyone without a relationship to it: the
 * answer must be exactly the answer for a referral that does not exist, and nothing may change.
 */
let api: ApiHarness;
let referral: { id: string; version: number };
const missingId = "ref_01jd8k2m3n4p5q6r7s8t9v0w1x";

const colleague: DevIdentity = {
  userId: "usr_worker_vcs_colleague",
  email: "colleague.vcs@linkwork.test",
  name: "Ravi Patel",
  roles: ["link_worker"],
  organisationId: team.vcsWorker.organisationId,
};

/** In an MDT (a relationship, not a role), but the referral's person is on none of its agendas. */
const unlistedMember: DevIdentity = {
  userId: "usr_test_mdt_member_unlisted",
  email: "council.mdt@linkwork.test",
  name: "Sam Okoro",
  roles: ["mdt_member"],
  organisationId: "org_northshire_council",
};

const outsiders: Record<string, DevIdentity> = {
  "a member of an MDT that has not listed the person": unlistedMember,
  "another organisation's manager": team.pcnManager,
  "another organisation's link worker": team.pcnWorker,
  "a third organisation's link worker": team.carersWorker,
  "a colleague link worker (not their case)": colleague,
  "another referrer": people.otherGp,
  "a commissioner": team.commissioner,
  "an admin": team.admin,
};

const routes = (version: number): [string, string, unknown?][] => [
  ["GET", "/api/referrals/{id}"],
  ["GET", "/api/referrals/{id}/timeline"],
  ["GET", "/api/referrals/{id}/allocation-options"],
  [
    "POST",
    "/api/referrals/{id}/triage",
    { version, priority: "urgent", supportLevel: "intensive", needs: ["housing"] },
  ],
  ["POST", "/api/referrals/{id}/signpost", { version }],
  [
    "POST",
    "/api/referrals/{id}/allocate",
    { version, organisationId: team.pcnManager.organisationId, note: "x" },
  ],
  ["POST", "/api/referrals/{id}/accept", { version }],
  ["POST", "/api/referrals/{id}/decline", { version, reason: "Not for us" }],
  ["POST", "/api/referrals/{id}/claim", { version }],
  ["POST", "/api/referrals/{id}/first-contact", { version }],
  ["POST", "/api/referrals/{id}/close", { version, reason: "goals_met", summary: "Goals met" }],
  ["POST", "/api/referrals/{id}/reopen", { version, reason: "More help needed" }],
  ["POST", "/api/referrals/{id}/withdraw", { version, reason: "Changed mind" }],
];

beforeAll(async () => {
  api = await createApiHarness();
  await seedStaff(api.context);
  await addLinkWorker(api.context, colleague);
  await addUsers(api.context, [people.otherGp, unlistedMember]);
  const mdt = await api.call("POST", "/api/mdts", {
    as: team.admin,
    body: {
      name: "Riverside MDT",
      practices: ["A81001"],
      chairUserId: team.gp.userId,
      memberUserIds: [unlistedMember.userId],
      cadenceDays: 14,
    },
  });
  expect(mdt.status, JSON.stringify(mdt.body)).toBe(201);
  const body = aReferral({ person: { ...aReferral().person, postcode: "NS1 4AB" } });
  let current = (await api.call("POST", "/api/referrals", { as: team.gp, body })).body;
  const step = async (path: string, as: DevIdentity, extra: Record<string, unknown> = {}) => {
    const response = await api.call("POST", `/api/referrals/${current.id}/${path}`, {
      as,
      body: { version: current.version, ...extra },
    });
    expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(200);
    current = response.body;
  };
  await step("triage", team.coordinator, {
    priority: "soon",
    supportLevel: "intensive",
    needs: ["loneliness_isolation"],
  });
  await step("allocate", team.coordinator, { organisationId: team.vcsManager.organisationId });
  await step("accept", team.vcsManager);
  await step("claim", team.vcsWorker);
  referral = { id: current.id, version: current.version };
});
afterAll(() => api.close());

describe("nobody outside a legitimate relationship learns that a referral exists", () => {
  for (const [who, identity] of Object.entries(outsiders)) {
    it(`${who} gets the same answer as for a referral that does not exist, on every route`, async () => {
      for (const [method, path, body] of routes(referral.version)) {
        const call = (id: string) =>
          api.call(method, path.replace("{id}", id), { as: identity, ...(body ? { body } : {}) });
        const [real, missing] = await Promise.all([call(referral.id), call(missingId)]);
        if (identity === colleague && path.endsWith("/claim")) {
          // The one thing a colleague may learn: the case they saw in their queue was taken.
          expect(real).toMatchObject({ status: 409, body: { error: { code: "already_claimed" } } });
          continue;
        }
        expect({ route: `${method} ${path}`, status: real.status, body: real.body }).toEqual({
          route: `${method} ${path}`,
          status: missing.status,
          body: missing.body,
        });
        expect([403, 404]).toContain(real.status);
      }
    });
  }

  it("changed nothing, and every refused read of the record is audited", async () => {
    const stored = await api.db.entities.referral.get({ referralId: referral.id }).go();
    expect(stored.data).toMatchObject({
      version: referral.version,
      status: "assigned",
      assignedTo: team.vcsWorker.userId,
    });
    const audit = await api.db.entities.audit.query
      .bySubject({ subjectId: referral.id })
      .go({ pages: "all" });
    const denied = new Set(
      audit.data.filter((entry) => entry.outcome === "denied").map((entry) => entry.actorId),
    );
    for (const identity of [
      team.pcnManager,
      team.pcnWorker,
      team.carersWorker,
      colleague,
      people.otherGp,
      unlistedMember,
    ]) {
      expect(denied.has(identity.userId), identity.email).toBe(true);
    }
  });

  it("keeps it out of other organisations' lists and caseloads", async () => {
    for (const identity of [
      team.pcnManager,
      team.pcnWorker,
      team.carersWorker,
      colleague,
      people.otherGp,
      unlistedMember,
    ]) {
      for (const query of ["", "?status=assigned", `?organisationId=${team.vcsManager.organisationId}`]) {
        const list = await api.call("GET", `/api/referrals${query}`, { as: identity });
        expect(list.status).toBe(200);
        expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(referral.id);
      }
    }
    for (const worker of [team.pcnWorker, colleague]) {
      const caseload = await api.call("GET", "/api/caseload", { as: worker });
      expect(caseload.body.items.map((item: { id: string }) => item.id)).not.toContain(referral.id);
    }
  });

  it("shows it to those with a relationship: the coordinator, the referrer, the organisation's manager and the link worker", async () => {
    for (const identity of [team.coordinator, team.gp, team.vcsManager, team.vcsWorker]) {
      const response = await api.call("GET", `/api/referrals/${referral.id}`, { as: identity });
      expect(response.status, identity.email).toBe(200);
    }
  });
});
