import type { DevIdentity } from "@linkwork/local/dev-issuer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, createApiHarness } from "../support/api";
import { aReferral } from "../support/builders";
import { addUsers, seedStaff, team } from "../support/world";
import { addCouncilMember, councilMember, mdtHelpers } from "./mdt-fixtures";

/**
 * API.md: "An MDT member may read, triage and allocate a referral while its person is on an agenda
 * of their MDT's meetings (until 30 days after that meeting ended)". Membership is a relationship:
 * the members here are a link worker and a council officer, and a GP with the mdt_member role who
 * is in no team gets nothing from it.
 */
let api: ApiHarness;
const { createTeam, planned, listed } = mdtHelpers(() => api);

const gpInNoTeam: DevIdentity = {
  userId: "usr_test_gp_in_no_team",
  email: "gp.noteam@linkwork.test",
  name: "Dr Priya Shah",
  roles: ["referrer", "mdt_member"],
  organisationId: "org_hillside",
};

beforeAll(async () => {
  api = await createApiHarness();
  await seedStaff(api.context);
  await addCouncilMember(api);
  await addUsers(api.context, [gpInNoTeam]);
});
afterAll(() => api.close());

/** A referral the coordinator made, so that none of the members is its referrer. */
async function referral() {
  const response = await api.call("POST", "/api/referrals", {
    as: team.coordinator,
    body: aReferral({ riskFlags: ["high_risk_admission"] }),
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; version: number };
}

const triage = (version: number) => ({
  version,
  priority: "soon",
  supportLevel: "supported_connection",
  needs: ["loneliness_isolation"],
});

describe("a member of an MDT whose meeting has the person on its agenda", () => {
  it("reads, triages and allocates the referral, whatever their role, and each read is audited", async () => {
    const mdt = await createTeam();
    const meeting = await planned(mdt.id);
    const { id } = await referral();

    const before = await api.call("GET", `/api/referrals/${id}`, { as: team.pcnWorker });
    expect(before.status).toBe(404);

    await listed(meeting.id, id);
    const read = await api.call("GET", `/api/referrals/${id}`, { as: team.pcnWorker });
    expect(read.status).toBe(200);
    expect(read.body.allowedActions).toEqual(["triage"]);

    const triaged = await api.call("POST", `/api/referrals/${id}/triage`, {
      as: team.pcnWorker,
      body: triage(read.body.version),
    });
    expect(triaged.status, JSON.stringify(triaged.body)).toBe(200);
    expect(triaged.body).toMatchObject({ status: "triaged", allowedActions: ["triage", "allocate"] });

    const options = await api.call("GET", `/api/referrals/${id}/allocation-options`, { as: councilMember });
    expect(options.status).toBe(200);
    expect(options.body.options.length).toBeGreaterThan(0);

    const allocated = await api.call("POST", `/api/referrals/${id}/allocate`, {
      as: councilMember,
      body: {
        version: triaged.body.version,
        organisationId: team.vcsManager.organisationId,
        note: "Agreed at the MDT",
      },
    });
    expect(allocated.status, JSON.stringify(allocated.body)).toBe(200);
    expect(allocated.body).toMatchObject({ status: "allocated", allowedActions: [] });

    const audit = await api.db.entities.audit.query.bySubject({ subjectId: id }).go({ pages: "all" });
    const reads = audit.data
      .filter((entry) => entry.actorId === team.pcnWorker.userId && entry.action === "referral.read")
      .map(({ outcome, purpose }) => ({ outcome, purpose }));
    expect(reads).toEqual([
      { outcome: "denied", purpose: "No relationship" },
      { outcome: "granted", purpose: `On the agenda of MDT meeting ${meeting.id}` },
    ]);
  });

  it("keeps the record closed to members outside the NHS when the person has not agreed to share", async () => {
    const mdt = await createTeam({ name: "Consent MDT" });
    const meeting = await planned(mdt.id);
    const created = await api.call("POST", "/api/referrals", {
      as: team.coordinator,
      body: aReferral({ riskFlags: ["crisis"], consent: { shareWithProviders: false } }),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    await listed(meeting.id, id);

    for (const path of [`/api/referrals/${id}`, `/api/referrals/${id}/timeline`]) {
      const council = await api.call("GET", path, { as: councilMember });
      expect({ path, status: council.status, body: council.body }).toEqual({
        path,
        status: 404,
        body: { error: expect.objectContaining({ code: "not_found" }) },
      });
    }
    const triaged = await api.call("POST", `/api/referrals/${id}/triage`, {
      as: councilMember,
      body: triage(created.body.version),
    });
    expect(triaged.status).toBe(404);
    // The PCN's link worker is within the NHS: the listing opens the record to them.
    const nhsMember = await api.call("GET", `/api/referrals/${id}`, { as: team.pcnWorker });
    expect(nhsMember.status).toBe(200);
    expect(nhsMember.body.person.familyName).toBe(created.body.person.familyName);
  });

  it("may not do what a listing does not give: withdrawing or signposting it is refused with 403", async () => {
    const mdt = await createTeam({ name: "Second MDT" });
    const meeting = await planned(mdt.id);
    const { id, version } = await referral();
    await listed(meeting.id, id);
    const withdraw = await api.call("POST", `/api/referrals/${id}/withdraw`, {
      as: team.pcnWorker,
      body: { version, reason: "Not needed" },
    });
    expect(withdraw.status).toBe(403);
    const signpost = await api.call("POST", `/api/referrals/${id}/signpost`, {
      as: councilMember,
      body: { version },
    });
    expect(signpost.status).toBe(403);
    // A link worker may pick up referrals, but only their own organisation's: 403, not 404, since they see it.
    const claim = await api.call("POST", `/api/referrals/${id}/claim`, {
      as: team.vcsWorker,
      body: { version },
    });
    expect(claim.status).toBe(403);
    const stored = await api.db.entities.referral.get({ referralId: id }).go();
    expect(stored.data).toMatchObject({ status: "received", version });
  });

  it("loses access once the listing's time has run out", async () => {
    const mdt = await createTeam({ name: "Third MDT" });
    const meeting = await planned(mdt.id);
    const { id, version } = await referral();
    const item = await listed(meeting.id, id);
    await api.db.entities.agendaItem
      .patch({ meetingId: meeting.id, itemId: item.id })
      .set({ accessUntil: new Date(Date.now() - 60_000).toISOString() })
      .go();
    const read = await api.call("GET", `/api/referrals/${id}`, { as: team.pcnWorker });
    expect(read.status).toBe(404);
    const triaged = await api.call("POST", `/api/referrals/${id}/triage`, {
      as: team.pcnWorker,
      body: triage(version),
    });
    expect(triaged.status).toBe(404);
  });
});

describe("the mdt_member role without a team", () => {
  it("gives nothing beyond the user's own referrals: another's is 404, and triage is refused outright", async () => {
    const { id, version } = await referral();
    const read = await api.call("GET", `/api/referrals/${id}`, { as: gpInNoTeam });
    expect(read.status).toBe(404);
    const allocate = await api.call("POST", `/api/referrals/${id}/allocate`, {
      as: gpInNoTeam,
      body: { version, organisationId: team.vcsManager.organisationId, note: "x" },
    });
    expect(allocate.status).toBe(404);
    const triaged = await api.call("POST", `/api/referrals/${id}/triage`, {
      as: gpInNoTeam,
      body: triage(version),
    });
    expect(triaged.status).toBe(403);

    const own = await api.call("POST", "/api/referrals", { as: gpInNoTeam, body: aReferral() });
    expect(own.status).toBe(201);
    expect(own.body.allowedActions).toEqual(["withdraw"]);
  });
});
