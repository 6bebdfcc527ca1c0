import type { DevIdentity } from "@linkwork/local/dev-issuer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, createApiHarness } from "../support/api";
import { aReferral, people } from "../support/builders";
import { addUsers } from "../support/world";

let api: ApiHarness;
beforeAll(async () => {
  api = await createApiHarness();
  await addUsers(api.context, Object.values(people));
});
afterAll(() => api.close());

async function refer(body = aReferral(), as: DevIdentity = people.gp, headers: Record<string, string> = {}) {
  return api.call("POST", "/api/referrals", { as, body, headers });
}

describe("POST /api/referrals", () => {
  it("receives a referral and says where to find it", async () => {
    const body = aReferral();
    const response = await refer(body);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      status: "received",
      version: 1,
      source: "gp",
      practiceOds: "A81001",
      needs: body.needs,
      riskFlags: body.riskFlags,
      consent: { shareWithProviders: true },
      person: {
        nhsNumber: body.person.nhsNumber,
        givenName: "Ada",
        familyName: "Okafor",
        postcode: "NS1 4AB",
      },
    });
    expect(response.headers.get("location")).toBe(`/api/referrals/${response.body.id}`);
  });

  it("normalises what people type: spaced NHS numbers, lower-case postcodes and ODS codes", async () => {
    const body = aReferral();
    const spaced = `${body.person.nhsNumber?.slice(0, 3)} ${body.person.nhsNumber?.slice(3, 6)} ${body.person.nhsNumber?.slice(6)}`;
    const response = await refer({
      ...body,
      practiceOds: "a81001",
      person: { ...body.person, nhsNumber: spaced, postcode: "ns14ab" },
    });
    expect(response.status).toBe(201);
    expect(response.body.person).toMatchObject({ nhsNumber: body.person.nhsNumber, postcode: "NS1 4AB" });
    expect(response.body.practiceOds).toBe("A81001");
  });

  it("lists every problem with a bad body, each with its path, and stores nothing", async () => {
    const before = await api.call("GET", "/api/referrals?status=received", { as: people.coordinator });
    const response = await refer({
      person: { nhsNumber: "9434765918", givenName: "", dateOfBirth: "2090-01-01", postcode: "nowhere" },
      source: "carrier_pigeon",
      practiceOds: "X",
      reason: "",
      needs: ["astrology"],
      riskFlags: ["crisis", "crisis"],
      consent: {},
    } as never);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("validation_failed");
    const paths = response.body.error.details.map((detail: { path: string }) => detail.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "person.nhsNumber",
        "person.givenName",
        "person.familyName",
        "person.dateOfBirth",
        "person.postcode",
        "source",
        "practiceOds",
        "reason",
        "needs.0",
        "riskFlags",
        "consent.shareWithProviders",
      ]),
    );
    const nhsProblem = response.body.error.details.find(
      (detail: { path: string }) => detail.path === "person.nhsNumber",
    );
    expect(nhsProblem.message).toMatch(/check digit/);
    const after = await api.call("GET", "/api/referrals?status=received", { as: people.coordinator });
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it("reports a GP referral's missing NHS number together with its other problems", async () => {
    const { nhsNumber: _omitted, ...withoutNhsNumber } = aReferral().person;
    const response = await refer({ ...aReferral(), reason: "", person: withoutNhsNumber });
    expect(response.body.error.details).toHaveLength(2);
    expect(response.body.error.details).toEqual(
      expect.arrayContaining([
        { path: "person.nhsNumber", message: "A GP referral must include the person's NHS number" },
        { path: "reason", message: "Enter the reason for referral" },
      ]),
    );
  });

  it("requires the NHS number on a GP referral but not on one from a housing officer", async () => {
    const { nhsNumber: _omitted, ...withoutNhsNumber } = aReferral().person;
    const fromGp = await refer({ ...aReferral(), person: withoutNhsNumber });
    expect(fromGp.status).toBe(400);
    expect(fromGp.body.error.details).toEqual([
      { path: "person.nhsNumber", message: "A GP referral must include the person's NHS number" },
    ]);
    const fromHousing = await refer({ ...aReferral(), source: "other", person: withoutNhsNumber });
    expect(fromHousing.status).toBe(201);
  });

  it("answers malformed JSON and a missing content type with 400, not 500", async () => {
    const badJson = await api.call("POST", "/api/referrals", {
      as: people.gp,
      rawBody: "{ not json",
      headers: { "content-type": "application/json" },
    });
    expect(badJson.status).toBe(400);
    expect(badJson.body.error.code).toBe("validation_failed");
    const noType = await api.call("POST", "/api/referrals", {
      as: people.gp,
      rawBody: JSON.stringify(aReferral()),
    });
    expect(noType.status).toBe(400);
    expect(noType.body.error.message).toMatch(/JSON/);
  });

  it("refuses roles that never refer, with 403", async () => {
    for (const person of [people.commissioner, people.pcnWorker, people.admin]) {
      const response = await refer(aReferral(), person);
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe("forbidden");
    }
  });

  it("returns the same referral when retried with the same Idempotency-Key", async () => {
    const body = aReferral();
    const first = await refer(body, people.gp, { "idempotency-key": "retry-1" });
    const retry = await refer(body, people.gp, { "idempotency-key": "retry-1" });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
  });

  it("refuses a reused Idempotency-Key with a different body, with 409", async () => {
    await refer(aReferral(), people.gp, { "idempotency-key": "retry-2" });
    const reused = await refer(aReferral(), people.gp, { "idempotency-key": "retry-2" });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe("idempotency_conflict");
  });
});

describe("reading referrals", () => {
  it("shows a referral to its referrer and the triage coordinator, and audits each read", async () => {
    const { body: created } = await refer();
    const referrerView = await api.call("GET", `/api/referrals/${created.id}`, { as: people.gp });
    expect(referrerView.status).toBe(200);
    expect(referrerView.body).toEqual(created);
    const coordinatorView = await api.call("GET", `/api/referrals/${created.id}`, { as: people.coordinator });
    expect(coordinatorView.status).toBe(200);
    // Which person record it is on, what else they have open and who they may be are for the coordinator only.
    const {
      personId,
      hasOtherOpenReferrals,
      possibleMatch: _possibleMatch,
      allowedActions,
      ...rest
    } = coordinatorView.body;
    expect({ personId, hasOtherOpenReferrals }).toEqual({
      personId: expect.any(String),
      hasOtherOpenReferrals: false,
    });
    // What each may do differs: the coordinator triages it, the referrer may withdraw it.
    const { allowedActions: referrerActions, ...asReferrerSees } = created;
    expect({ coordinator: allowedActions, referrer: referrerActions }).toEqual({
      coordinator: ["triage", "signpost", "withdraw"],
      referrer: ["withdraw"],
    });
    expect(rest).toEqual(asReferrerSees);
    const audit = await api.db.entities.audit.query.bySubject({ subjectId: created.id }).go();
    expect(audit.data.map((entry) => [entry.action, entry.actorId, entry.outcome])).toEqual([
      ["referral.create", people.gp.userId, "granted"],
      ["referral.read", people.gp.userId, "granted"],
      ["referral.read", people.coordinator.userId, "granted"],
    ]);
    expect(audit.data[2]?.purpose).toBe("Triage and allocation");
  });

  it("answers 404 alike for an unknown id and for someone else's referral, and audits the refusal", async () => {
    const { body: created } = await refer();
    const unknown = await api.call("GET", "/api/referrals/ref_01jd8k2m3n4p5q6r7s8t9v0w1x", { as: people.gp });
    const others = await api.call("GET", `/api/referrals/${created.id}`, { as: people.otherGp });
    const otherOrganisation = await api.call("GET", `/api/referrals/${created.id}`, { as: people.pcnWorker });
    for (const response of [unknown, others, otherOrganisation]) {
      expect(response.status).toBe(404);
      expect(response.body).toEqual(unknown.body);
    }
    const audit = await api.db.entities.audit.query.bySubject({ subjectId: created.id }).go();
    expect(audit.data.filter((entry) => entry.outcome === "denied").map((entry) => entry.actorId)).toEqual([
      people.otherGp.userId,
      people.pcnWorker.userId,
    ]);
  });

  it("never shows a commissioner a person's record", async () => {
    const { body: created } = await refer();
    expect((await api.call("GET", `/api/referrals/${created.id}`, { as: people.commissioner })).status).toBe(
      403,
    );
    expect((await api.call("GET", "/api/referrals", { as: people.commissioner })).status).toBe(403);
    expect(
      (await api.call("GET", `/api/referrals/${created.id}/timeline`, { as: people.commissioner })).status,
    ).toBe(403);
  });

  it("gives the coordinator the triage queue, oldest first, and a referrer only their own referrals", async () => {
    const mine = await refer();
    const theirs = await refer(aReferral(), people.otherGp);
    const queue = await api.call("GET", "/api/referrals?status=received", { as: people.coordinator });
    const queueIds = queue.body.items.map((item: { id: string }) => item.id);
    expect(queueIds).toEqual(expect.arrayContaining([mine.body.id, theirs.body.id]));
    const received = queue.body.items.map((item: { receivedAt: string }) => item.receivedAt);
    expect(received).toEqual([...received].sort());

    const ownList = await api.call("GET", "/api/referrals", { as: people.otherGp });
    expect(ownList.body.items.map((item: { id: string }) => item.id)).toEqual([theirs.body.id]);

    const organisationList = await api.call("GET", "/api/referrals", { as: people.pcnWorker });
    expect(organisationList.body.items).toEqual([]);
  });

  it("audits every referral a list shows", async () => {
    const created = await refer(aReferral(), people.otherGp);
    await api.call("GET", "/api/referrals", { as: people.otherGp });
    const audit = await api.db.entities.audit.query.bySubject({ subjectId: created.body.id }).go();
    expect(audit.data.map((entry) => entry.action)).toContain("referral.list");
  });

  it("rejects an unknown status filter with 400", async () => {
    const response = await api.call("GET", "/api/referrals?status=lost", { as: people.coordinator });
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].path).toBe("status");
  });

  it("pages through a long queue with a cursor", async () => {
    const many = await Promise.all(Array.from({ length: 55 }, () => refer(aReferral(), people.otherGp)));
    expect(many.every((response) => response.status === 201)).toBe(true);
    const first = await api.call("GET", "/api/referrals", { as: people.otherGp });
    expect(first.body.items).toHaveLength(50);
    expect(first.body.cursor).toEqual(expect.any(String));
    const second = await api.call("GET", `/api/referrals?cursor=${encodeURIComponent(first.body.cursor)}`, {
      as: people.otherGp,
    });
    const ids = new Set([...first.body.items, ...second.body.items].map((item: { id: string }) => item.id));
    expect(ids.size).toBe(first.body.items.length + second.body.items.length);
    expect(ids.size).toBeGreaterThanOrEqual(56);
  });

  it("shows the timeline only to those who may see the referral", async () => {
    const { body: created } = await refer();
    const timeline = await api.call("GET", `/api/referrals/${created.id}/timeline`, { as: people.gp });
    expect(timeline.status).toBe(200);
    expect(timeline.body).toEqual({ items: expect.any(Array) });
    expect(
      (await api.call("GET", `/api/referrals/${created.id}/timeline`, { as: people.otherGp })).status,
    ).toBe(404);
  });
});

describe("an unknown route", () => {
  it("is a 404 with the error shape", async () => {
    const response = await api.call("GET", "/api/nowhere", { as: people.gp });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("not_found");
  });
});
