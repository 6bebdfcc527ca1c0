import { transactWrite } from "@linkwork/core/db/transact";
import { referralUpdate } from "@linkwork/core/referral/write";
import type { DevIdentity } from "@linkwork/local/dev-issuer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, createApiHarness } from "../support/api";
import { journey } from "../support/journey";
import { addLinkWorker, seedStaff, team } from "../support/world";

let api: ApiHarness;
const organisationId = team.vcsManager.organisationId;
const cover = {
  userId: "usr_worker_vcs_cover",
  email: "cover.vcs@linkwork.test",
  name: "Cora Cover",
  roles: ["link_worker" as const],
  organisationId,
};
const full = {
  userId: "usr_worker_vcs_full",
  email: "full.vcs@linkwork.test",
  name: "Fran Full",
  roles: ["link_worker" as const],
  organisationId,
};

beforeAll(async () => {
  api = await createApiHarness();
  await seedStaff(api.context);
  await addLinkWorker(api.context, cover);
  await addLinkWorker(api.context, full, 0);
});
afterAll(() => api.close());

const { post, acceptedByCommunityConnect } = journey(() => api);

async function assignedTo(worker: { userId: string }) {
  const referral = await acceptedByCommunityConnect();
  const response = await post(`/api/referrals/${referral.id}/assign`, team.vcsManager, {
    version: referral.version,
    linkWorkerId: worker.userId,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

async function caseloadOf(userId: string) {
  return (await api.context.db.entities.user.get({ userId }).go({ consistent: true })).data?.activeCaseload;
}

function problemPaths(response: {
  status: number;
  body: { error: { code: string; details?: { path: string }[] } };
}) {
  expect(response.status).toBe(400);
  expect(response.body.error.code).toBe("validation_failed");
  return (response.body.error.details ?? []).map((detail) => detail.path).sort();
}

describe("POST /api/referrals/{id}/assign", () => {
  it("lets the organisation's manager put an accepted referral on a named worker's caseload", async () => {
    const referral = await acceptedByCommunityConnect();
    expect(
      (await api.call("GET", `/api/referrals/${referral.id}`, { as: team.vcsManager })).body.allowedActions,
    ).toEqual(expect.arrayContaining(["assign", "return_to_triage"]));
    const before = await caseloadOf(cover.userId);

    const response = await post(`/api/referrals/${referral.id}/assign`, team.vcsManager, {
      version: referral.version,
      linkWorkerId: cover.userId,
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: "assigned",
      version: referral.version + 1,
      assignedTo: cover.userId,
      assignedToName: "Cora Cover",
    });
    expect(response.body.allowedActions).toEqual(expect.arrayContaining(["reassign", "close", "read_case"]));
    expect(await caseloadOf(cover.userId)).toBe((before ?? 0) + 1);
    const caseload = await api.call("GET", "/api/caseload", { as: cover });
    expect(caseload.body.items.map((item: { id: string }) => item.id)).toContain(referral.id);
  });

  it("answers another organisation's manager 404, and a link worker 403 before anything is read", async () => {
    const referral = await acceptedByCommunityConnect();
    const body = { version: referral.version, linkWorkerId: team.pcnWorker.userId };
    const other = await post(`/api/referrals/${referral.id}/assign`, team.pcnManager, body);
    expect(other.status).toBe(404);
    const missing = await post("/api/referrals/ref_01jd8k2m3n4p5q6r7s8t9v0w1x/assign", team.pcnManager, body);
    expect(missing.status).toBe(404);
    const worker = await post(`/api/referrals/${referral.id}/assign`, team.vcsWorker, {
      version: referral.version,
      linkWorkerId: team.vcsWorker.userId,
    });
    expect(worker.status).toBe(403);
  });

  it("refuses a worker whose caseload is full with 409 capacity_reached", async () => {
    const referral = await acceptedByCommunityConnect();
    const response = await post(`/api/referrals/${referral.id}/assign`, team.vcsManager, {
      version: referral.version,
      linkWorkerId: full.userId,
    });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe("capacity_reached");
    expect(response.body.error.message).toContain("Fran Full");
    const after = await api.call("GET", `/api/referrals/${referral.id}`, { as: team.vcsManager });
    expect(after.body).toMatchObject({ status: "accepted", version: referral.version });
  });

  it("names every problem in a bad body, and refuses someone who is not a link worker of the organisation", async () => {
    const referral = await acceptedByCommunityConnect();
    expect(problemPaths(await post(`/api/referrals/${referral.id}/assign`, team.vcsManager, {}))).toEqual([
      "linkWorkerId",
      "version",
    ]);
    expect(
      problemPaths(
        await post(`/api/referrals/${referral.id}/assign`, team.vcsManager, {
          version: "4",
          linkWorkerId: 7,
        }),
      ),
    ).toEqual(["linkWorkerId", "version"]);
    for (const linkWorkerId of [team.pcnWorker.userId, team.vcsManager.userId, "usr_nobody"]) {
      const response = await post(`/api/referrals/${referral.id}/assign`, team.vcsManager, {
        version: referral.version,
        linkWorkerId,
      });
      expect({ linkWorkerId, paths: problemPaths(response) }).toEqual({
        linkWorkerId,
        paths: ["linkWorkerId"],
      });
    }
  });

  it("tells a manager with a stale screen that the referral changed", async () => {
    const referral = await acceptedByCommunityConnect();
    const response = await post(`/api/referrals/${referral.id}/assign`, team.vcsManager, {
      version: referral.version - 1,
      linkWorkerId: cover.userId,
    });
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: "version_conflict", currentVersion: referral.version });
  });
});

describe("POST /api/referrals/{id}/reassign", () => {
  it("moves a case to another worker with the reason, and the first worker no longer sees it", async () => {
    const referral = await assignedTo(team.vcsWorker);
    const response = await post(`/api/referrals/${referral.id}/reassign`, team.vcsManager, {
      version: referral.version,
      linkWorkerId: cover.userId,
      reason: "Annual leave for three weeks",
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ assignedTo: cover.userId, assignedToName: "Cora Cover" });
    const formerWorker = await api.call("GET", `/api/referrals/${referral.id}`, { as: team.vcsWorker });
    expect(formerWorker.status).toBe(404);
    const outbox = await api.context.db.entities.outbox.scan.go({ pages: "all" });
    expect(
      outbox.data.find((event) => event.subject.id === referral.id && event.type === "referral.reassigned")
        ?.data,
    ).toEqual({
      fromLinkWorkerId: team.vcsWorker.userId,
      linkWorkerId: cover.userId,
      reason: "Annual leave for three weeks",
    });
  });

  it("needs a reason, refuses the worker who already has it, and answers another organisation 404", async () => {
    const referral = await assignedTo(cover);
    expect(
      problemPaths(
        await post(`/api/referrals/${referral.id}/reassign`, team.vcsManager, {
          version: referral.version,
          linkWorkerId: team.vcsWorker.userId,
          reason: "  ",
        }),
      ),
    ).toEqual(["reason"]);
    const same = await post(`/api/referrals/${referral.id}/reassign`, team.vcsManager, {
      version: referral.version,
      linkWorkerId: cover.userId,
      reason: "Cover",
    });
    expect(same.status).toBe(409);
    expect(same.body.error.code).toBe("invalid_transition");
    const other = await post(`/api/referrals/${referral.id}/reassign`, team.pcnManager, {
      version: referral.version,
      linkWorkerId: team.pcnWorker.userId,
      reason: "Cover",
    });
    expect(other.status).toBe(404);
  });
});

describe("POST /api/referrals/{id}/return-to-triage", () => {
  it("takes a case back to the triage queue, releasing the worker's place", async () => {
    const referral = await assignedTo(cover);
    const before = await caseloadOf(cover.userId);
    const response = await post(`/api/referrals/${referral.id}/return-to-triage`, team.coordinator, {
      version: referral.version,
      reason: "Needs the specialist housing service instead",
    });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe("triaged");
    expect(response.body.organisationId).toBeUndefined();
    expect(response.body.assignedTo).toBeUndefined();
    expect(response.body.allowedActions).toEqual(expect.arrayContaining(["allocate"]));
    expect(await caseloadOf(cover.userId)).toBe((before ?? 1) - 1);
    const manager = await api.call("GET", `/api/referrals/${referral.id}`, { as: team.vcsManager });
    expect(manager.status).toBe(404);
  });

  it("lets the organisation's manager do it too, but not the link worker or another organisation", async () => {
    const referral = await acceptedByCommunityConnect();
    const body = { version: referral.version, reason: "We cannot offer home visits" };
    expect((await post(`/api/referrals/${referral.id}/return-to-triage`, team.vcsWorker, body)).status).toBe(
      403,
    );
    expect((await post(`/api/referrals/${referral.id}/return-to-triage`, team.pcnManager, body)).status).toBe(
      404,
    );
    expect(
      problemPaths(await post(`/api/referrals/${referral.id}/return-to-triage`, team.vcsManager, {})),
    ).toEqual(["reason", "version"]);
    const response = await post(`/api/referrals/${referral.id}/return-to-triage`, team.vcsManager, body);
    expect(response.status).toBe(200);
    expect(response.body.status).toBe("triaged");
  });
});

describe("closing with a summary, and who sees what the case adds to the referral", () => {
  it("needs the summary, keeps it on the referral, and shows it to the referrer", async () => {
    const referral = await assignedTo(cover);
    const contacted = await post(`/api/referrals/${referral.id}/first-contact`, cover, {
      version: referral.version,
    });
    expect(contacted.status).toBe(200);
    expect(
      problemPaths(
        await post(`/api/referrals/${referral.id}/close`, cover, {
          version: contacted.body.version,
          reason: "goals_met",
        }),
      ),
    ).toEqual(["summary"]);
    expect(
      problemPaths(
        await post(`/api/referrals/${referral.id}/close`, cover, {
          version: contacted.body.version,
          reason: "goals_met",
          summary: "x".repeat(4001),
        }),
      ),
    ).toEqual(["summary"]);

    const closed = await post(`/api/referrals/${referral.id}/close`, cover, {
      version: contacted.body.version,
      reason: "goals_met",
      summary: "Joined the Tuesday walking group and feels less alone",
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: "closed",
      closureSummary: "Joined the Tuesday walking group and feels less alone",
    });
    expect(closed.body.allowedActions).toEqual(
      expect.arrayContaining(["reopen", "read_case", "read_message_back"]),
    );
    const referrer = await api.call("GET", `/api/referrals/${referral.id}`, { as: team.gp });
    expect(referrer.body).toMatchObject({
      closureSummary: "Joined the Tuesday walking group and feels less alone",
    });
    expect(referrer.body.allowedActions).toEqual(["read_message_back"]);
  });

  it("shows review dates and failed attempts to the case's worker and manager, escalations to coordinators too", async () => {
    const referral = await assignedTo(cover);
    // As the case's own writes keep them, in the transaction that changes the case.
    const stored = (await api.context.db.entities.referral.get({ referralId: referral.id }).go()).data;
    if (!stored) throw new Error("The referral is missing");
    const next = {
      ...stored,
      reviewOn: "2026-11-01",
      failedContactAttempts: 2,
      openEscalations: ["safeguarding" as const],
    };
    await transactWrite(api.context, [
      referralUpdate(api.context, stored, next, { version: stored.version }),
    ]);
    const seenBy = async (who: DevIdentity) =>
      (await api.call("GET", `/api/referrals/${referral.id}`, { as: who })).body;
    for (const who of [cover, team.vcsManager]) {
      expect(await seenBy(who)).toMatchObject({
        reviewOn: "2026-11-01",
        reviewOverdue: true,
        failedContactAttempts: 2,
        openEscalations: ["safeguarding"],
      });
    }
    const coordinator = await seenBy(team.coordinator);
    expect(coordinator.openEscalations).toEqual(["safeguarding"]);
    for (const field of ["reviewOn", "reviewOverdue", "failedContactAttempts"]) {
      expect(coordinator).not.toHaveProperty(field);
    }
    const referrer = await seenBy(team.gp);
    for (const field of ["reviewOn", "reviewOverdue", "failedContactAttempts", "openEscalations"]) {
      expect(referrer).not.toHaveProperty(field);
    }
  });
});

/*
 * Who may use each new route, written out by hand: 403 for a role that may never do it (before
 * anything is read), 404 for a manager of another organisation, 200 for those the route is for.
 */
const byCaller: Record<string, Record<keyof typeof team, number>> = {
  assign: {
    coordinator: 403,
    gp: 403,
    pcnManager: 404,
    pcnWorker: 403,
    vcsManager: 200,
    vcsWorker: 403,
    carersWorker: 403,
    commissioner: 403,
    admin: 403,
  },
  reassign: {
    coordinator: 403,
    gp: 403,
    pcnManager: 404,
    pcnWorker: 403,
    vcsManager: 200,
    vcsWorker: 403,
    carersWorker: 403,
    commissioner: 403,
    admin: 403,
  },
  "return-to-triage": {
    coordinator: 200,
    gp: 403,
    pcnManager: 404,
    pcnWorker: 403,
    vcsManager: 200,
    vcsWorker: 403,
    carersWorker: 403,
    commissioner: 403,
    admin: 403,
  },
};

describe("who may assign, move and return a case (every role)", () => {
  const setUp: Record<string, () => Promise<{ id: string; version: number }>> = {
    assign: acceptedByCommunityConnect,
    reassign: () => assignedTo(team.vcsWorker),
    "return-to-triage": () => assignedTo(team.vcsWorker),
  };
  const bodyFor = (route: string, version: number) =>
    route === "return-to-triage"
      ? { version, reason: "Needs another service" }
      : { version, linkWorkerId: cover.userId, ...(route === "reassign" ? { reason: "Cover" } : {}) };

  it.each(Object.keys(byCaller))("%s", async (route) => {
    const expected = byCaller[route] as Record<keyof typeof team, number>;
    const referral = await (setUp[route] as () => Promise<{ id: string; version: number }>)();
    const refused = Object.entries(expected).filter(([, status]) => status !== 200);
    for (const [caller, status] of refused) {
      const response = await post(
        `/api/referrals/${referral.id}/${route}`,
        team[caller as keyof typeof team],
        bodyFor(route, referral.version),
      );
      expect({ caller, status: response.status }).toEqual({ caller, status });
    }
    for (const [caller] of Object.entries(expected).filter(([, status]) => status === 200)) {
      const fresh = await (setUp[route] as () => Promise<{ id: string; version: number }>)();
      const response = await post(
        `/api/referrals/${fresh.id}/${route}`,
        team[caller as keyof typeof team],
        bodyFor(route, fresh.version),
      );
      expect({ caller, status: response.status }).toEqual({ caller, status: 200 });
    }
  });
});
