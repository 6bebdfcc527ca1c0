import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, createApiHarness } from "../support/api";
import { aReferral } from "../support/builders";
import { seedStaff, team } from "../support/world";

/** One example of each kind of bad input that was once answered with a 500, and is a 400 now. */

let api: ApiHarness;
beforeAll(async () => {
  api = await createApiHarness();
  await seedStaff(api.context);
});
afterAll(() => api.close());

interface Detail {
  path: string;
  message: string;
}

function expectRefusal(response: { status: number; body: unknown }, paths: string[]) {
  expect(response.status).toBe(400);
  const { error } = response.body as { error: { code: string; message: string; details: Detail[] } };
  expect(error.code).toBe("validation_failed");
  expect(error.details.map((detail) => detail.path).sort()).toEqual([...paths].sort());
  for (const detail of error.details) expect(detail.message).not.toBe("");
  return error.details;
}

const selfReferral = () => {
  const { person, reason, needs, consent } = aReferral();
  return { person, reason, needs, consent };
};

describe("bad input that once failed inside the API is refused with a 400 naming it", () => {
  it("a referral id longer than DynamoDB allows in a key (2048 bytes) is refused before any lookup", async () => {
    const tooLong = "李".repeat(700);
    const read = await api.call("GET", `/api/referrals/${encodeURIComponent(tooLong)}`, {
      as: team.coordinator,
    });
    expect(expectRefusal(read, ["id"])[0]?.message).toMatch(/30 characters/);

    const triage = await api.call("POST", `/api/referrals/ref_${"a".repeat(3_000)}/triage`, {
      as: team.coordinator,
      body: { version: 1, priority: "soon", supportLevel: "intensive", needs: ["housing"] },
    });
    expectRefusal(triage, ["id"]);
  });

  it("a user id longer than a key allows is refused when setting a caseload limit", async () => {
    const response = await api.call("PUT", `/api/link-workers/${"u".repeat(3_000)}/capacity`, {
      as: team.vcsManager,
      body: { caseloadLimit: 3 },
    });
    expectRefusal(response, ["userId"]);
  });

  it("a well-formed email address too long to store (past DynamoDB's 400 KB item) is refused", async () => {
    const referral = aReferral();
    const response = await api.call("POST", "/api/referrals", {
      as: team.gp,
      body: { ...referral, person: { ...referral.person, email: `${"a".repeat(450_000)}@example.uk` } },
    });
    expect(expectRefusal(response, ["person.email"])[0]?.message).toMatch(/254 characters/);
  });

  it("a referral with `person: null` says the person is missing, and nothing more about them", async () => {
    const response = await api.call("POST", "/api/referrals", {
      as: team.gp,
      body: { ...aReferral(), person: null },
    });
    expect(expectRefusal(response, ["person"])[0]?.message).toMatch(/expected object, received null/);
  });

  it("a referral without a person says the person is missing", async () => {
    const { person: _person, ...withoutPerson } = aReferral();
    const response = await api.call("POST", "/api/referrals", { as: team.gp, body: withoutPerson });
    expectRefusal(response, ["person"]);
  });

  it("a self-referral with `person: null` says the person is missing, not that a phone number is", async () => {
    const response = await api.call("POST", "/api/self-referrals", {
      body: { ...selfReferral(), person: null },
    });
    expectRefusal(response, ["person"]);
  });
});

describe("ids are checked by their shape before anything is looked up", () => {
  it("an id of another kind where a referral id belongs is a 400, the same for every role", async () => {
    for (const caller of [team.coordinator, team.gp, team.vcsWorker]) {
      const response = await api.call("GET", "/api/referrals/org_01jd8k2m3n4p5q6r7s8t9v0w1x", { as: caller });
      expect(expectRefusal(response, ["id"])[0]?.message).toMatch(/ref_/);
    }
  });

  it("a well-formed referral id that does not exist is a 404", async () => {
    const response = await api.call("GET", "/api/referrals/ref_01jd8k2m3n4p5q6r7s8t9v0w1x", {
      as: team.coordinator,
    });
    expect(response.status).toBe(404);
  });

  it("an organisation filter too long to be an organisation id is a 400, not an empty page", async () => {
    const response = await api.call("GET", `/api/referrals?organisationId=${"o".repeat(3_000)}`, {
      as: team.coordinator,
    });
    expectRefusal(response, ["organisationId"]);
  });

  it("an organisation id with characters no id has is a 400 when listing its link workers", async () => {
    const response = await api.call(
      "GET",
      `/api/organisations/${encodeURIComponent("org_x'; --")}/link-workers`,
      {
        as: team.coordinator,
      },
    );
    expectRefusal(response, ["organisationId"]);
  });

  it("text that is not well-formed Unicode (a lone surrogate), which no UTF-8 can carry to DynamoDB, is refused where it is", async () => {
    const referral = aReferral();
    const body = JSON.stringify({
      ...referral,
      person: { ...referral.person, givenName: "Ada" },
      reason: "Low mood",
    })
      .replace('"givenName":"Ada"', '"givenName":"Ada\\ud800"')
      .replace('"reason":"Low mood"', '"reason":"Low \\udfff mood"');
    const response = await api.call("POST", "/api/referrals", {
      as: team.gp,
      rawBody: body,
      headers: { "content-type": "application/json" },
    });
    expectRefusal(response, ["person.givenName", "reason"]);
    const paired = await api.call("POST", "/api/referrals", {
      as: team.gp,
      body: { ...referral, reason: "Enjoys music \u{1F3B5} and walking" },
    });
    expect(paired.status).toBe(201);
  });
});
