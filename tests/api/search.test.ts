import { createId } from "@linkwork/core/util/id";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, createApiHarness } from "../support/api";
import { aReferral, uniqueNhsNumber } from "../support/builders";
import { seedStaff, team } from "../support/world";

let api: ApiHarness;
let referral: { id: string; reference: string };
const nhsNumber = uniqueNhsNumber();

const searchFor = (q: string) => `/api/search?q=${encodeURIComponent(q)}`;

async function auditOf(actorId: string) {
  const entries = await api.db.entities.audit.query
    .byActor({ actorId, month: new Date().toISOString().slice(0, 7) })
    .go({ pages: "all" });
  return entries.data;
}

beforeAll(async () => {
  api = await createApiHarness();
  await seedStaff(api.context);
  const body = aReferral({
    person: { ...aReferral().person, givenName: "Bartholomew", familyName: "Quill", nhsNumber },
  });
  const response = await api.call("POST", "/api/referrals", { as: team.gp, body });
  expect(response.status).toBe(201);
  referral = response.body;
});
afterAll(() => api.close());

describe("GET /api/search", () => {
  it("answers 401 without a token", async () => {
    const response = await api.call("GET", searchFor("Quill"));
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("unauthenticated");
  });

  it("answers 403 to roles that never open a person's record, and audits the refusal", async () => {
    for (const identity of [team.commissioner, team.admin]) {
      const response = await api.call("GET", searchFor("Quill"), { as: identity });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe("forbidden");
      expect((await auditOf(identity.userId)).map((entry) => [entry.subjectType, entry.outcome])).toEqual([
        ["search", "denied"],
      ]);
    }
  });

  it("answers 400 naming the problem with q when it is missing, too short, too long or a wrong NHS number", async () => {
    const wrongCheckDigit = `${nhsNumber.slice(0, 9)}${(Number(nhsNumber[9]) + 1) % 10}`;
    const cases: [string, RegExp][] = [
      ["/api/search", /Type a name, an NHS number or a reference/],
      [searchFor(" x "), /at least 2 characters/],
      [searchFor("q".repeat(101)), /at most 100 characters/],
      [searchFor("q".repeat(5000)), /at most 100 characters/],
      [searchFor(wrongCheckDigit), /not a valid NHS number/],
      [searchFor("1234"), /whole NHS number/],
    ];
    for (const [path, message] of cases) {
      const response = await api.call("GET", path, { as: team.coordinator });
      expect(response.status, path).toBe(400);
      expect(response.body.error.code).toBe("validation_failed");
      expect(response.body.error.details).toEqual([{ path: "q", message: expect.stringMatching(message) }]);
    }
  });

  it("finds the referral by name, NHS number and reference, as GET /api/referrals/{id} shows it", async () => {
    const page = await api.call("GET", `/api/referrals/${referral.id}`, { as: team.coordinator });
    for (const q of ["barth qui", nhsNumber, referral.reference]) {
      const response = await api.call("GET", searchFor(q), { as: team.coordinator });
      expect(response.status).toBe(200);
      expect(response.body.items).toEqual([page.body]);
    }
  });

  it("audits the search with its count and each person shown, without the NHS number typed", async () => {
    const searcher = { ...team.gp };
    const before = await auditOf(searcher.userId);
    const response = await api.call("GET", searchFor(nhsNumber), { as: searcher });
    expect(response.body.items.map((item: { id: string }) => item.id)).toEqual([referral.id]);
    const added = (await auditOf(searcher.userId)).filter(
      (entry) => !before.some((earlier) => earlier.auditId === entry.auditId),
    );
    expect(
      added.map((entry) => [entry.action, entry.subjectType, entry.purpose, entry.outcome]).sort(),
    ).toEqual(
      [
        ["referral.search_result", "referral", "The user's own referral", "granted"],
        ["search.referrals", "search", "Searched by NHS number: 1 shown", "granted"],
      ].sort(),
    );
    expect(added.find((entry) => entry.subjectType === "referral")?.subjectId).toBe(referral.id);
    expect(JSON.stringify(added)).not.toContain(nhsNumber);
  });

  it("shows at most 50, says there are more, and audits only those shown", async () => {
    const stored = (await api.db.entities.referral.get({ referralId: referral.id }).go()).data;
    if (!stored) throw new Error("The referral was not stored");
    const copies = Array.from({ length: 55 }, (_, index) => ({
      ...stored,
      referralId: createId("referral", new Date()),
      reference: `LW-CP${String(index).padStart(2, "0")}-0000`,
      person: { ...stored.person, givenName: "Perpetua", familyName: `Many${index}` },
    }));
    await Promise.all(copies.map((copy) => api.db.entities.referral.put(copy).go()));
    const searcher = { ...team.coordinator, userId: "usr_coordinator" };
    const before = (await auditOf(searcher.userId)).length;
    const response = await api.call("GET", searchFor("perpetua"), { as: searcher });
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(50);
    expect(response.body.truncated).toBe(true);
    expect((await auditOf(searcher.userId)).length - before).toBe(51);
  });

  it("never answers 500, whatever is typed", async () => {
    const odd = [
      "%",
      "'; DROP TABLE referrals; --",
      "\u0000\u0001",
      "🙂🙂",
      "LW-",
      "LW-ZZZZ-ZZZZ",
      "محمد",
      "a\u0301b",
      " - - ",
    ];
    for (const q of odd) {
      const response = await api.call("GET", searchFor(q), { as: team.vcsManager });
      expect([200, 400], q).toContain(response.status);
    }
    for (const path of [
      "/api/search?q=%E0%A4%A",
      "/api/search?q=%ZZab",
      "/api/search?q=a&q=b",
      "/api/search?q[]=ab",
    ]) {
      const response = await api.call("GET", path, { as: team.vcsManager });
      expect([200, 400], path).toContain(response.status);
    }
  });
});
