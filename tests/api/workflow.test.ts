import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, createApiHarness } from "../support/api";
import { journey, triage } from "../support/journey";
import { addLinkWorker, seedStaff, team } from "../support/world";

let api: ApiHarness;
const secondVcsWorker = {
  userId: "usr_worker_vcs_2",
  email: "worker2.vcs@linkwork.test",
  name: "Sam Okoro",
  roles: ["link_worker" as const],
  organisationId: team.vcsWorker.organisationId,
};

beforeAll(async () => {
  api = await createApiHarness();
  await seedStaff(api.context);
  await addLinkWorker(api.context, secondVcsWorker);
});
afterAll(() => api.close());

const { post, referred, triaged, allocatedTo, acceptedByCommunityConnect } = journey(() => api);

async function outboxTypes(referralId: string) {
  const outbox = await api.db.entities.outbox.scan.go({ pages: "all" });
  return outbox.data
    .filter((item) => item.subject.id === referralId)
    .sort((left, right) => left.eventId.localeCompare(right.eventId))
    .map((item) => [item.type, item.actor.name]);
}

describe("the referral journey across organisations", () => {
  it("goes from referral to a link worker's caseload, one version and one event per step", async () => {
    const referral = await referred();
    const afterTriage = await post(`/api/referrals/${referral.id}/triage`, team.coordinator, {
      version: 1,
      ...triage,
    });
    expect(afterTriage.body).toMatchObject({
      status: "triaged",
      version: 2,
      priority: "soon",
      supportLevel: "supported_connection",
    });

    const options = await api.call("GET", `/api/referrals/${referral.id}/allocation-options`, {
      as: team.coordinator,
    });
    expect(options.status).toBe(200);
    const byName = Object.fromEntries(
      options.body.options.map((option: { name: string }) => [option.name, option]),
    );
    expect(byName["Community Connect"]).toMatchObject({ eligible: true, freeCapacity: 60 });
    expect(byName["North Town PCN"]).toMatchObject({ eligible: false });
    expect(byName["North Town PCN"].reasons[0]).toBe("Does not help with housing");
    expect(options.body.options[0].name).toBe("Community Connect");

    const allocated = await post(`/api/referrals/${referral.id}/allocate`, team.coordinator, {
      version: 2,
      organisationId: team.vcsManager.organisationId,
    });
    expect(allocated.body).toMatchObject({
      status: "allocated",
      version: 3,
      organisationId: team.vcsManager.organisationId,
    });
    const accepted = await post(`/api/referrals/${referral.id}/accept`, team.vcsManager, { version: 3 });
    expect(accepted.body).toMatchObject({ status: "accepted", version: 4 });
    const claimed = await post(`/api/referrals/${referral.id}/claim`, team.vcsWorker, { version: 4 });
    expect(claimed.body).toMatchObject({
      status: "assigned",
      version: 5,
      assignedTo: team.vcsWorker.userId,
      assignedToName: team.vcsWorker.name,
    });

    const caseload = await api.call("GET", "/api/caseload", { as: team.vcsWorker });
    expect(caseload.body.items.map((item: { id: string }) => item.id)).toContain(referral.id);
    expect(caseload.body.activeCaseload).toBe(1);

    expect(await outboxTypes(referral.id)).toEqual([
      ["referral.received", team.gp.name],
      ["referral.triaged", team.coordinator.name],
      ["referral.allocated", team.coordinator.name],
      ["referral.accepted", team.vcsManager.name],
      ["referral.claimed", team.vcsWorker.name],
    ]);
  });

  it("returns a declined allocation to the triage queue with its reason", async () => {
    const referral = await allocatedTo(team.vcsManager.organisationId);
    const declined = await post(`/api/referrals/${referral.id}/decline`, team.vcsWorker, {
      version: referral.version,
      reason: "No housing caseworker until January",
    });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: "triaged" });
    expect(declined.body.organisationId).toBeUndefined();
    const outbox = await api.db.entities.outbox.scan.go({ pages: "all" });
    const event = outbox.data.find(
      (item) => item.subject.id === referral.id && item.type === "referral.declined",
    );
    expect(event?.data).toEqual({
      organisationId: team.vcsManager.organisationId,
      reason: "No housing caseworker until January",
    });
    const queue = await api.call("GET", "/api/referrals?status=triaged", { as: team.coordinator });
    expect(queue.body.items.map((item: { id: string }) => item.id)).toContain(referral.id);
    expect((await api.call("GET", `/api/referrals/${referral.id}`, { as: team.vcsManager })).status).toBe(
      404,
    );
  });

  it("lets exactly one of two coordinators allocating at once win; the other hears the current version", async () => {
    const referral = await triaged();
    const attempts = await Promise.all(
      [team.vcsManager.organisationId, team.carersWorker.organisationId].map((organisationId) =>
        post(`/api/referrals/${referral.id}/allocate`, team.coordinator, {
          version: referral.version,
          organisationId,
          note: "Either would do",
        }),
      ),
    );
    const statuses = attempts.map((attempt) => attempt.status).sort();
    expect(statuses).toEqual([200, 409]);
    const loser = attempts.find((attempt) => attempt.status === 409);
    expect(loser?.body.error).toMatchObject({
      code: "version_conflict",
      currentVersion: referral.version + 1,
    });
    const stored = await api.call("GET", `/api/referrals/${referral.id}`, { as: team.coordinator });
    expect(stored.body.version).toBe(referral.version + 1);
  });

  it("lets exactly one of two link workers claiming at once have the case", async () => {
    const referral = await acceptedByCommunityConnect();
    const attempts = await Promise.all(
      [team.vcsWorker, secondVcsWorker].map((worker) =>
        post(`/api/referrals/${referral.id}/claim`, worker, { version: referral.version }),
      ),
    );
    expect(attempts.map((attempt) => attempt.status).sort()).toEqual([200, 409]);
    const loser = attempts.find((attempt) => attempt.status === 409);
    expect(loser?.body.error.code).toBe("already_claimed");
    const winner = attempts.find((attempt) => attempt.status === 200);
    const caseloads = await api.call(
      "GET",
      `/api/organisations/${team.vcsManager.organisationId}/link-workers`,
      { as: team.vcsManager },
    );
    const total = caseloads.body.items.reduce(
      (sum: number, worker: { activeCaseload: number }) => sum + worker.activeCaseload,
      0,
    );
    const held = await Promise.all(
      [team.vcsWorker, secondVcsWorker].map(
        async (worker) => (await api.call("GET", "/api/caseload", { as: worker })).body.items.length,
      ),
    );
    expect(total).toBe(held[0] + held[1]);
    expect(winner?.body.assignedTo).toEqual(expect.any(String));
  });

  it("tells a link worker who claims after a colleague already has that the case was taken", async () => {
    const referral = await acceptedByCommunityConnect();
    expect(
      (await post(`/api/referrals/${referral.id}/claim`, team.vcsWorker, { version: referral.version }))
        .status,
    ).toBe(200);
    const late = await post(`/api/referrals/${referral.id}/claim`, secondVcsWorker, {
      version: referral.version,
    });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: "already_claimed", currentVersion: referral.version + 1 });
  });

  it("refuses a claim past the caseload limit and changes nothing", async () => {
    const referral = await acceptedByCommunityConnect();
    const limit = await api.call("PUT", `/api/link-workers/${secondVcsWorker.userId}/capacity`, {
      as: team.vcsManager,
      body: { caseloadLimit: 0 },
    });
    expect(limit.status).toBe(200);
    const refused = await post(`/api/referrals/${referral.id}/claim`, secondVcsWorker, {
      version: referral.version,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("capacity_reached");
    const after = await api.call("GET", `/api/referrals/${referral.id}`, { as: team.vcsManager });
    expect(after.body).toMatchObject({ status: "accepted", version: referral.version });
    const workers = await api.call(
      "GET",
      `/api/organisations/${team.vcsManager.organisationId}/link-workers`,
      { as: team.vcsManager },
    );
    expect(
      workers.body.items.find((worker: { userId: string }) => worker.userId === secondVcsWorker.userId),
    ).toMatchObject({
      caseloadLimit: 0,
      freeCapacity: 0,
    });
    await api.call("PUT", `/api/link-workers/${secondVcsWorker.userId}/capacity`, {
      as: team.vcsManager,
      body: { caseloadLimit: 30 },
    });
  });

  it("answers a stale version with 409 and the current version, and a wrong step with invalid_transition", async () => {
    const referral = await triaged();
    const stale = await post(`/api/referrals/${referral.id}/triage`, team.coordinator, {
      version: 1,
      ...triage,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "version_conflict", currentVersion: referral.version });
    const early = await post(`/api/referrals/${referral.id}/claim`, team.vcsWorker, {
      version: referral.version,
    });
    expect(early.status).toBe(404);
    const wrongStep = await post(`/api/referrals/${referral.id}/withdraw`, team.gp, {
      version: referral.version,
      reason: "Changed mind",
    });
    expect(wrongStep.status).toBe(409);
    expect(wrongStep.body.error).toMatchObject({
      code: "invalid_transition",
      currentVersion: referral.version,
    });
  });

  it("will not allocate without consent to share", async () => {
    const referral = await referred({ consent: { shareWithProviders: false } });
    const done = await post(`/api/referrals/${referral.id}/triage`, team.coordinator, {
      version: 1,
      ...triage,
    });
    const refused = await post(`/api/referrals/${referral.id}/allocate`, team.coordinator, {
      version: done.body.version,
      organisationId: team.vcsManager.organisationId,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("invalid_transition");
  });

  it("asks why when allocating to an organisation the rules find not eligible", async () => {
    const referral = await triaged();
    const pcn = team.pcnManager.organisationId;
    const unknown = await post(`/api/referrals/${referral.id}/allocate`, team.coordinator, {
      version: referral.version,
      organisationId: "org_nowhere",
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([
      { path: "organisationId", message: "Choose an organisation that takes referrals" },
    ]);
    const unexplained = await post(`/api/referrals/${referral.id}/allocate`, team.coordinator, {
      version: referral.version,
      organisationId: pcn,
    });
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.error.details[0]).toMatchObject({ path: "note" });
    expect(unexplained.body.error.details[0].message).toMatch(
      /North Town PCN is not eligible \(Does not help with housing\)/,
    );
    const explained = await post(`/api/referrals/${referral.id}/allocate`, team.coordinator, {
      version: referral.version,
      organisationId: pcn,
      note: "Housing need is minor; the PCN knows her well",
    });
    expect(explained.status).toBe(200);
    const outbox = await api.db.entities.outbox.scan.go({ pages: "all" });
    const event = outbox.data.find(
      (item) => item.subject.id === referral.id && item.type === "referral.allocated",
    );
    expect(event?.data).toMatchObject({
      organisationId: pcn,
      eligible: false,
      note: "Housing need is minor; the PCN knows her well",
    });
  });

  it("lists every problem with an action's body", async () => {
    const referral = await referred();
    const response = await post(`/api/referrals/${referral.id}/triage`, team.coordinator, {
      priority: "whenever",
      needs: [],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(
      ["needs", "priority", "supportLevel", "version"].sort(),
    );
  });

  it("closes at triage as signposted, and warns of a second open referral for the same person", async () => {
    const first = await referred();
    const second = await referred({ person: { ...first.person } });
    expect(second).not.toHaveProperty("hasOtherOpenReferrals");
    const seen = await api.call("GET", `/api/referrals/${second.id}`, { as: team.coordinator });
    const firstSeen = await api.call("GET", `/api/referrals/${first.id}`, { as: team.coordinator });
    expect(seen.body).toMatchObject({ personId: firstSeen.body.personId, hasOtherOpenReferrals: true });
    expect(seen.body.otherOpenReferrals).toEqual([
      expect.objectContaining({ id: first.id, reference: first.reference, status: "received" }),
    ]);
    const gpView = await api.call("GET", `/api/referrals/${second.id}`, { as: team.gp });
    expect(gpView.body.otherOpenReferrals).toBeUndefined();

    const closed = await post(`/api/referrals/${first.id}/signpost`, team.coordinator, {
      version: 1,
      note: "Given the lunch club's number",
    });
    expect(closed.body).toMatchObject({ status: "closed", closureReason: "signposted" });
    const again = await api.call("GET", `/api/referrals/${second.id}`, { as: team.coordinator });
    expect(again.body.otherOpenReferrals ?? []).toEqual([]);
  });
});

describe("capacity", () => {
  it("is set only by the worker's own manager, within sensible bounds", async () => {
    const path = `/api/link-workers/${team.vcsWorker.userId}/capacity`;
    expect(
      (await api.call("PUT", path, { as: team.vcsManager, body: { caseloadLimit: 35 } })).body,
    ).toMatchObject({ caseloadLimit: 35 });
    expect((await api.call("PUT", path, { as: team.pcnManager, body: { caseloadLimit: 5 } })).status).toBe(
      404,
    );
    expect((await api.call("PUT", path, { as: team.vcsWorker, body: { caseloadLimit: 50 } })).status).toBe(
      403,
    );
    const invalid = await api.call("PUT", path, { as: team.vcsManager, body: { caseloadLimit: -1 } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details[0].path).toBe("caseloadLimit");
    const organisations = await api.call("GET", "/api/organisations", { as: team.coordinator });
    const vcs = organisations.body.items.find(
      (item: { id: string }) => item.id === team.vcsManager.organisationId,
    );
    expect(vcs.freeCapacity).toBeGreaterThan(0);
  });
});
