import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type ApiHarness, createApiHarness } from "../support/api";
import { aReferral } from "../support/builders";
import { seedStaff, team } from "../support/world";

let api: ApiHarness;
beforeAll(async () => {
  api = await createApiHarness();
  await seedStaff(api.context);
});
afterAll(() => api.close());
afterEach(() => {
  vi.useRealTimers();
});

describe("self-referral", () => {
  const selfReferral = () => {
    const { nhsNumber: _none, ...person } = aReferral().person;
    return {
      person: { ...person, email: "ada@example.com" },
      reason: "I have been feeling very lonely since I moved here.",
      needs: ["loneliness_isolation"],
      consent: { shareWithProviders: true },
    };
  };

  it("needs no sign-in, gives a reference and lands in the triage queue as a self-referral", async () => {
    const response = await api.call("POST", "/api/self-referrals", {
      body: selfReferral(),
      sourceIp: "198.51.100.7",
    });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ reference: expect.stringMatching(/^LW-/) });
    const queue = await api.call("GET", "/api/referrals?status=received", { as: team.coordinator });
    const landed = queue.body.items.find(
      (item: { reference: string }) => item.reference === response.body.reference,
    );
    expect(landed).toMatchObject({ source: "self", status: "received" });
  });

  it("lists the area's practices without sign-in, so a person can name theirs", async () => {
    const response = await api.call("GET", "/api/practices");
    expect(response.status).toBe(200);
    expect(response.body.items).toContainEqual({ odsCode: "A81001", name: "Riverside Surgery" });
  });

  it("asks for a way to get in touch and lists every problem", async () => {
    const { email: _email, phone: _phone, ...person } = selfReferral().person;
    const response = await api.call("POST", "/api/self-referrals", {
      body: { ...selfReferral(), person, needs: [] },
      sourceIp: "198.51.100.8",
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual([
      "needs",
      "person.phone",
    ]);
  });

  it("limits how often one caller can refer, without affecting others", async () => {
    const from = (sourceIp: string) =>
      api.call("POST", "/api/self-referrals", { body: selfReferral(), sourceIp });
    const results = [];
    for (let attempt = 0; attempt < 6; attempt++) results.push((await from("203.0.113.9")).status);
    expect(results).toEqual([202, 202, 202, 202, 202, 429]);
    const limited = await from("203.0.113.9");
    expect(limited.body.error.code).toBe("rate_limited");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect((await from("203.0.113.10")).status).toBe(202);
  });

  it("still limits a burst straddling the quarter hour, where a fixed window would have reset", async () => {
    const from = (sourceIp: string) =>
      api.call("POST", "/api/self-referrals", { body: selfReferral(), sourceIp });
    const boundary = Date.UTC(2026, 11, 1, 10, 15);
    vi.useFakeTimers({ toFake: ["Date"] });
    const before = [];
    for (let second = 0; second < 5; second++) {
      vi.setSystemTime(boundary - 60_000 + second * 1_000);
      before.push((await from("203.0.113.20")).status);
    }
    expect(before).toEqual([202, 202, 202, 202, 202]);
    const after = [];
    for (let second = 0; second < 5; second++) {
      vi.setSystemTime(boundary + second * 1_000);
      after.push(await from("203.0.113.20"));
    }
    expect(after.map((response) => response.status)).toEqual([429, 429, 429, 429, 429]);
    // The first of the five leaves the window fifteen minutes after it came: 14 minutes on.
    expect(Number(after[0]?.headers.get("retry-after"))).toBe(14 * 60);

    vi.setSystemTime(boundary - 60_000 + 15 * 60_000);
    expect((await from("203.0.113.20")).status).toBe(202);
    expect((await from("203.0.113.20")).status).toBe(429);
  });

  it("lets no more than the limit through when a caller's requests arrive all at once", async () => {
    const people = Array.from({ length: 10 }, (_, index) => {
      const body = selfReferral();
      return { ...body, person: { ...body.person, familyName: `Concurrent${"abcdefghij"[index]}` } };
    });
    const responses = await Promise.all(
      people.map((body) => api.call("POST", "/api/self-referrals", { body, sourceIp: "203.0.113.25" })),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 202 || status === 429)).toBe(true);
    expect(statuses.filter((status) => status === 202).length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === 202).length).toBeLessThanOrEqual(5);
  });

  it("answers a retry with the same Idempotency-Key and answers with the same reference, counted once", async () => {
    const headers = { "idempotency-key": "9b2f6c1e-5d4a-4c3b-8e7f-1a2b3c4d5e6f" };
    const body = selfReferral();
    const first = await api.call("POST", "/api/self-referrals", { body, headers, sourceIp: "203.0.113.30" });
    const retry = await api.call("POST", "/api/self-referrals", { body, headers, sourceIp: "203.0.113.30" });
    expect(first.status).toBe(202);
    expect(retry).toMatchObject({ status: 202, body: { reference: first.body.reference } });

    const stored = await api.db.entities.referral.scan
      .where((attributes, { eq }) => eq(attributes.reference, first.body.reference))
      .go({ pages: "all" });
    expect(stored.data).toHaveLength(1);

    // Four more fill the limit of five: the retry was not counted.
    const others = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      others.push(
        (await api.call("POST", "/api/self-referrals", { body: selfReferral(), sourceIp: "203.0.113.30" }))
          .status,
      );
    }
    expect(others).toEqual([202, 202, 202, 202, 429]);
    // A retry still gets its answer once the caller is limited: it costs nothing new.
    const late = await api.call("POST", "/api/self-referrals", { body, headers, sourceIp: "203.0.113.30" });
    expect(late).toMatchObject({ status: 202, body: { reference: first.body.reference } });
    // Nor does it write anything: the reference shows nothing of the person, so it is no read to audit.
    const referralId = stored.data[0]?.referralId ?? "";
    const audit = await api.db.entities.audit.query.bySubject({ subjectId: referralId }).go({ pages: "all" });
    expect(audit.data.map((entry) => entry.action)).toEqual(["referral.create"]);
  });

  it("refuses the same Idempotency-Key with other answers as a conflict, and creates nothing", async () => {
    const headers = { "idempotency-key": "0f4e3d2c-1b0a-4987-9654-3210fedcba98" };
    const first = await api.call("POST", "/api/self-referrals", {
      body: selfReferral(),
      headers,
      sourceIp: "203.0.113.40",
    });
    expect(first.status).toBe(202);
    const other = await api.call("POST", "/api/self-referrals", {
      body: { ...selfReferral(), reason: "Something else entirely." },
      headers,
      sourceIp: "203.0.113.40",
    });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("idempotency_conflict");
  });

  it("keeps each caller's Idempotency-Keys apart, so one person's key never answers or blocks another", async () => {
    const headers = { "idempotency-key": "shared-key-chosen-by-a-careless-client" };
    const first = await api.call("POST", "/api/self-referrals", {
      body: selfReferral(),
      headers,
      sourceIp: "203.0.113.50",
    });
    const elsewhere = await api.call("POST", "/api/self-referrals", {
      body: { ...selfReferral(), reason: "A different person with the same key." },
      headers,
      sourceIp: "198.51.100.50",
    });
    expect(first.status).toBe(202);
    expect(elsewhere.status).toBe(202);
    expect(elsewhere.body.reference).not.toBe(first.body.reference);
  });

  it("asks for an Idempotency-Key long enough to be random", async () => {
    const response = await api.call("POST", "/api/self-referrals", {
      body: selfReferral(),
      headers: { "idempotency-key": "1" },
      sourceIp: "203.0.113.60",
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([expect.objectContaining({ path: "idempotency-key" })]);
  });
});
