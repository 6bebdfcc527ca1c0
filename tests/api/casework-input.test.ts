import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, createApiHarness } from "../support/api";
import { journey } from "../support/journey";
import { seedStaff, team } from "../support/world";

/** Bad input on every casework route: a 400 naming every problem, and nothing written. */
let api: ApiHarness;
let referralId: string;

const { post, acceptedByCommunityConnect } = journey(() => api);

beforeAll(async () => {
  api = await createApiHarness();
  await seedStaff(api.context);
  const accepted = await acceptedByCommunityConnect();
  const claimed = await post(`/api/referrals/${accepted.id}/claim`, team.vcsWorker, {
    version: accepted.version,
  });
  expect(claimed.status).toBe(200);
  referralId = accepted.id;
});
afterAll(() => api.close());

async function send(method: string, path: string, body: unknown) {
  return api.call(method, path, { as: team.vcsWorker, body });
}

function problemPaths(response: { status: number; body: { error: { details?: { path: string }[] } } }) {
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  return (response.body.error.details ?? []).map((detail) => detail.path).sort();
}

async function caseVersion() {
  return (await api.call("GET", `/api/referrals/${referralId}/case`, { as: team.vcsWorker })).body.version;
}

describe("bad input to casework", () => {
  it("a contact lists every problem: when, how, outcome, duration and note", async () => {
    const response = await send("POST", `/api/referrals/${referralId}/contacts`, {
      at: "yesterday afternoon",
      method: "carrier_pigeon",
      outcome: "maybe",
      durationMinutes: 0,
      note: "x".repeat(4001),
    });
    expect(problemPaths(response)).toEqual(["at", "durationMinutes", "method", "note", "outcome"]);
    const tooLong = await send("POST", `/api/referrals/${referralId}/contacts`, {
      at: new Date().toISOString(),
      method: "phone",
      outcome: "made_contact",
      durationMinutes: 601,
    });
    expect(problemPaths(tooLong)).toEqual(["durationMinutes"]);
    expect(await caseVersion()).toBe(0);
  });

  it("a contact in the future is refused naming when it happened", async () => {
    const response = await send("POST", `/api/referrals/${referralId}/contacts`, {
      at: new Date(Date.now() + 10 * 60_000).toISOString(),
      method: "phone",
      outcome: "made_contact",
    });
    expect(problemPaths(response)).toEqual(["at"]);
    expect(response.body.error.details[0].message).toMatch(/future/);
    expect(await caseVersion()).toBe(0);
  });

  it("a plan lists every problem in its goals and dates", async () => {
    const response = await send("PUT", `/api/referrals/${referralId}/plan`, {
      version: -1,
      whatMatters: "y".repeat(4001),
      goals: [
        { text: "", importance: 11, status: "finished" },
        { text: "Walk", importance: 2.5 },
      ],
      reviewOn: "15/01/2027",
    });
    expect(problemPaths(response)).toEqual([
      "goals.0.importance",
      "goals.0.status",
      "goals.0.text",
      "goals.1.importance",
      "reviewOn",
      "version",
      "whatMatters",
    ]);
    const tooMany = await send("PUT", `/api/referrals/${referralId}/plan`, {
      version: 0,
      whatMatters: "",
      goals: Array.from({ length: 21 }, (_, index) => ({ text: `Goal ${index}`, importance: 5 })),
      reviewOn: "2099-01-01",
    });
    expect(problemPaths(tooMany)).toEqual(["goals"]);
    const pastReview = await send("PUT", `/api/referrals/${referralId}/plan`, {
      version: 0,
      whatMatters: "",
      goals: [],
      reviewOn: "2020-01-01",
    });
    expect(problemPaths(pastReview)).toEqual(["reviewOn"]);
    expect(await caseVersion()).toBe(0);
  });

  it("connections and their status changes list every problem", async () => {
    const response = await send("POST", `/api/referrals/${referralId}/connections`, {
      serviceName: " ",
      sector: "charity",
      need: "happiness",
      status: "maybe",
    });
    expect(problemPaths(response)).toEqual(["need", "sector", "serviceName", "status"]);
    const badId = await api.call("PATCH", `/api/referrals/${referralId}/connections/not-an-id`, {
      as: team.vcsWorker,
      body: { version: 1, status: "attended" },
    });
    expect(problemPaths(badId)).toEqual(["connectionId"]);
    const patch = await api.call(
      "PATCH",
      `/api/referrals/${referralId}/connections/cnx_01jd8k2m3n4p5q6r7s8t9v0w1x`,
      {
        as: team.vcsWorker,
        body: { version: 0, status: "gone" },
      },
    );
    expect(problemPaths(patch)).toEqual(["status", "version"]);
  });

  it("escalations and their resolution list every problem", async () => {
    const response = await send("POST", `/api/referrals/${referralId}/escalations`, {
      to: "police",
      note: "",
    });
    expect(problemPaths(response)).toEqual(["note", "to"]);
    const badId = await api.call("POST", `/api/referrals/${referralId}/escalations/esc_nope/resolve`, {
      as: team.vcsWorker,
      body: { version: 1, note: "Done" },
    });
    expect(problemPaths(badId)).toEqual(["escalationId"]);
    const resolve = await api.call(
      "POST",
      `/api/referrals/${referralId}/escalations/esc_01jd8k2m3n4p5q6r7s8t9v0w1x/resolve`,
      { as: team.vcsWorker, body: { note: 42 } },
    );
    expect(problemPaths(resolve)).toEqual(["note", "version"]);
  });

  it("casework settings list every problem", async () => {
    const response = await api.call("PUT", "/api/settings/casework", {
      as: team.admin,
      body: { measures: [], unableToContactAfterAttempts: 11 },
    });
    expect(problemPaths(response)).toEqual(["measures", "unableToContactAfterAttempts", "version"]);
    const unknown = await api.call("PUT", "/api/settings/casework", {
      as: team.admin,
      body: { version: 0, measures: ["swemwbs", "phq9", "swemwbs"], unableToContactAfterAttempts: 0 },
    });
    expect(problemPaths(unknown)).toEqual(["measures.1", "unableToContactAfterAttempts"]);
    const twice = await api.call("PUT", "/api/settings/casework", {
      as: team.admin,
      body: { version: 0, measures: ["ons4", "ons4"], unableToContactAfterAttempts: 3 },
    });
    expect(problemPaths(twice)).toEqual(["measures"]);
  });

  it("a malformed referral id is a 400, not a lookup", async () => {
    const response = await api.call("GET", "/api/referrals/nonsense/case", { as: team.vcsWorker });
    expect(problemPaths(response)).toEqual(["id"]);
  });
});
