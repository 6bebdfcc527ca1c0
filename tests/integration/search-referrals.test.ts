import type { UserActor } from "@linkwork/core/actor";
import type { SearchRequest } from "@linkwork/core/search/schema";
import { searchReferrals } from "@linkwork/core/search/search";
import { systemClock } from "@linkwork/core/util/clock";
import type { DevIdentity } from "@linkwork/local/dev-issuer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, createApiHarness } from "../support/api";
import { aReferral, people, uniqueNhsNumber } from "../support/builders";
import { addUsers, seedStaff, team } from "../support/world";

/**
 * Search on DynamoDB Local: referrals made and moved through the API, searched through the use
 * case as each member of staff, so what each finds is exactly what their relationships give.
 */
let api: ApiHarness;

interface Made {
  id: string;
  reference: string;
  version: number;
  nhsNumber: string;
}

const made: Record<string, Made> = {};
const zoeNhsNumber = uniqueNhsNumber();

async function refer(
  name: string,
  givenName: string,
  familyName: string,
  nhsNumber = uniqueNhsNumber(),
  shareWithProviders = true,
) {
  const body = aReferral({
    person: { ...aReferral().person, givenName, familyName, nhsNumber },
    consent: { shareWithProviders },
  });
  const response = await api.call("POST", "/api/referrals", { as: team.gp, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  made[name] = {
    id: response.body.id,
    reference: response.body.reference,
    version: response.body.version,
    nhsNumber,
  };
}

async function step(name: string, path: string, as: DevIdentity, extra: Record<string, unknown> = {}) {
  const current = made[name] as Made;
  const response = await api.call("POST", `/api/referrals/${current.id}/${path}`, {
    as,
    body: { version: current.version, ...extra },
  });
  expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(200);
  current.version = response.body.version;
}

async function allocate(name: string, organisationId: string) {
  await step(name, "triage", team.coordinator, {
    priority: "soon",
    supportLevel: "supported_connection",
    needs: ["loneliness_isolation"],
  });
  await step(name, "allocate", team.coordinator, { organisationId });
}

/** A council officer on the practice's MDT: outside the NHS, so consent decides what a listing shows. */
const councilOfficer: DevIdentity = {
  userId: "usr_search_council_officer",
  email: "search.council@linkwork.test",
  name: "Dana Whitfield",
  roles: ["mdt_member"],
  organisationId: "org_northshire_council",
};

async function listOnAgenda(names: string[]) {
  const mdt = await api.call("POST", "/api/mdts", {
    as: team.admin,
    body: {
      name: "Search test MDT",
      practices: ["A81001"],
      chairUserId: team.gp.userId,
      memberUserIds: [councilOfficer.userId],
      cadenceDays: 14,
    },
  });
  expect(mdt.status, JSON.stringify(mdt.body)).toBe(201);
  const meeting = await api.call("POST", `/api/mdts/${mdt.body.id}/meetings`, {
    as: team.gp,
    body: { startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), durationMinutes: 90 },
  });
  expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
  for (const name of names) {
    const listed = await api.call("POST", `/api/meetings/${meeting.body.id}/items`, {
      as: team.gp,
      body: { referralId: made[name]?.id, reason: "Frequent attender, lives alone" },
    });
    expect(listed.status, JSON.stringify(listed.body)).toBe(201);
  }
}

const asUser = (identity: DevIdentity): UserActor => ({ type: "user", ...identity });

async function search(identity: DevIdentity, q: string) {
  // The API the referrals were made through keeps real time, so the search does too.
  return searchReferrals({ ...api.context, clock: systemClock }, asUser(identity), {
    q,
  } satisfies SearchRequest);
}

async function idsFound(identity: DevIdentity, q: string) {
  return (await search(identity, q)).items.map((item) => item.id);
}

beforeAll(async () => {
  api = await createApiHarness();
  await seedStaff(api.context);
  await addUsers(api.context, [people.otherGp, councilOfficer]);
  await refer("zoe", "Zoë", "Whitfield", zoeNhsNumber);
  await refer("zoeEarlier", "Zoë", "Whitfield", zoeNhsNumber);
  await step("zoeEarlier", "withdraw", team.gp, { reason: "Referred twice by mistake" });
  await refer("li", "小龙", "李");
  await refer("ivanov", "Пётр", "Иванов");
  await refer("pcnCase", "Gwen", "Harrow");
  await allocate("pcnCase", team.pcnManager.organisationId);
  await refer("vcsCase", "Gwendolyn", "Harper");
  await allocate("vcsCase", team.vcsManager.organisationId);
  await step("vcsCase", "accept", team.vcsManager);
  await refer("listed", "Oluwaseun", "Adeyemi");
  await refer("listedPrivately", "Oluwaseun", "Bakare", uniqueNhsNumber(), false);
  await refer("unlisted", "Oluwaseun", "Coker");
  await listOnAgenda(["listed", "listedPrivately"]);
}, 60_000);
afterAll(() => api.close());

describe("finding a person's referrals", () => {
  it("finds every referral of an NHS number, spaces or not, the open one before the withdrawn", async () => {
    const spaced = `${zoeNhsNumber.slice(0, 3)} ${zoeNhsNumber.slice(3, 6)} ${zoeNhsNumber.slice(6)}`;
    for (const q of [zoeNhsNumber, spaced]) {
      const found = await search(team.coordinator, q);
      expect(found).toMatchObject({ searchedBy: ["nhs_number"], truncated: false });
      expect(found.items.map((item) => [item.id, item.status])).toEqual([
        [made.zoe?.id, "received"],
        [made.zoeEarlier?.id, "withdrawn"],
      ]);
    }
  });

  it("finds a referral by its reference however it is typed, and only that one", async () => {
    const reference = made.ivanov?.reference ?? "";
    for (const q of [
      reference,
      reference.toLowerCase(),
      reference.slice(3),
      reference.slice(3).replace("-", ""),
    ]) {
      const found = await search(team.coordinator, q);
      expect(found.items.map((item) => item.id)).toEqual([made.ivanov?.id]);
      expect(found.items[0]?.person.familyName).toBe("Иванов");
    }
  });

  it("finds a name by the beginning of each word, whatever its case, accents or script", async () => {
    const zoes = [made.zoe?.id, made.zoeEarlier?.id];
    expect(await idsFound(team.coordinator, "Zoë")).toEqual(zoes);
    expect(await idsFound(team.coordinator, "ZOË")).toEqual(zoes);
    expect(await idsFound(team.coordinator, "zoe whit")).toEqual(zoes);
    expect(await idsFound(team.coordinator, "李")).toEqual([made.li?.id]);
    expect(await idsFound(team.coordinator, "李小龙")).toEqual([made.li?.id]);
    expect(await idsFound(team.coordinator, "иванов")).toEqual([made.ivanov?.id]);
    expect(await idsFound(team.coordinator, "ИВАН пёт")).toEqual([made.ivanov?.id]);
    expect(await idsFound(team.coordinator, "Петров")).toEqual([]);
  });

  it("answers as the referral page does: the same view of each referral, with what the caller may do", async () => {
    const found = await search(team.vcsManager, "Gwendolyn");
    const page = await api.call("GET", `/api/referrals/${made.vcsCase?.id}`, { as: team.vcsManager });
    expect(found.items).toEqual([page.body]);
    expect(found.items[0]?.allowedActions.length).toBeGreaterThan(0);
  });
});

describe("search stays within what the caller may see", () => {
  it("never shows another organisation's referral, while the coordinator finds it", async () => {
    expect(await idsFound(team.vcsManager, "Gwen")).toEqual([made.vcsCase?.id]);
    expect(await idsFound(team.vcsWorker, "Gwen")).toEqual([made.vcsCase?.id]);
    expect(await idsFound(team.pcnManager, "Gwen")).toEqual([made.pcnCase?.id]);
    expect(await idsFound(team.pcnManager, made.vcsCase?.reference ?? "")).toEqual([]);
    expect(await idsFound(team.pcnManager, made.vcsCase?.nhsNumber ?? "")).toEqual([]);
    expect(await idsFound(team.carersWorker, "Gwen")).toEqual([]);
    expect(new Set(await idsFound(team.coordinator, "Gwen"))).toEqual(
      new Set([made.pcnCase?.id, made.vcsCase?.id]),
    );
  });

  it("shows a link worker their own cases and their organisation's queue, not a colleague's cases", async () => {
    const colleague = {
      ...team.vcsWorker,
      userId: "usr_search_vcs_colleague",
      email: "colleague.search@linkwork.test",
    };
    await addUsers(api.context, [colleague]);
    await refer("claimed", "Tamsin", "Okonkwo");
    await allocate("claimed", team.vcsManager.organisationId);
    await step("claimed", "accept", team.vcsManager);
    expect(await idsFound(colleague, "Tamsin")).toEqual([made.claimed?.id]);
    await step("claimed", "claim", team.vcsWorker);
    expect(await idsFound(team.vcsWorker, "Tamsin")).toEqual([made.claimed?.id]);
    expect(await idsFound(colleague, "Tamsin")).toEqual([]);
    expect(await idsFound(colleague, made.claimed?.reference ?? "")).toEqual([]);
    expect(await idsFound(team.vcsManager, "Tamsin")).toEqual([made.claimed?.id]);
  });

  it("shows organisations nothing of referrals not allocated to them, even by NHS number", async () => {
    expect(await idsFound(team.vcsManager, zoeNhsNumber)).toEqual([]);
    expect(await idsFound(team.vcsWorker, "zoe")).toEqual([]);
  });

  it("shows a referrer their own referrals only", async () => {
    expect(await idsFound(team.gp, "zoe")).toEqual([made.zoe?.id, made.zoeEarlier?.id]);
    expect(await idsFound(people.otherGp, "zoe")).toEqual([]);
    expect(await idsFound(people.otherGp, zoeNhsNumber)).toEqual([]);
    expect(await idsFound(people.otherGp, made.zoe?.reference ?? "")).toEqual([]);
  });

  it("shows an MDT member the people on their team's agenda whose record the listing opens to them", async () => {
    const found = await search(councilOfficer, "Oluwaseun");
    expect(found.items.map((item) => item.id)).toEqual([made.listed?.id]);
    const page = await api.call("GET", `/api/referrals/${made.listed?.id}`, { as: councilOfficer });
    expect(found.items).toEqual([page.body]);
    // The GP chairs the team and made all three referrals: their own referrals show whatever the agenda says.
    expect(new Set(await idsFound(team.gp, "Oluwaseun"))).toEqual(
      new Set([made.listed?.id, made.listedPrivately?.id, made.unlisted?.id]),
    );
  });

  it("refuses roles that never open a person's record, before reading anything", async () => {
    await expect(search(team.commissioner, "zoe")).rejects.toMatchObject({ code: "forbidden" });
    await expect(search(team.admin, "zoe")).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses a query that is not one of the three, naming the problem", async () => {
    await expect(search(team.coordinator, "z")).rejects.toMatchObject({
      code: "validation_failed",
      details: [{ path: "q", message: expect.stringMatching(/at least 2 characters/) }],
    });
  });
});

describe("the audit trail of a search", () => {
  it("records the search with its count and each referral shown, never the NHS number typed", async () => {
    const searcher = { ...team.coordinator, userId: "usr_audited_coordinator" };
    await addUsers(api.context, [searcher]);
    await search(searcher, zoeNhsNumber);
    const entries = await api.db.entities.audit.query
      .byActor({ actorId: searcher.userId, month: new Date().toISOString().slice(0, 7) })
      .go({ pages: "all" });
    expect(
      entries.data
        .map((entry) => [
          entry.subjectType,
          entry.subjectId.startsWith("search_") ? "search" : entry.subjectId,
          entry.purpose,
        ])
        .sort(),
    ).toEqual(
      [
        ["referral", made.zoe?.id, "Triage and allocation"],
        ["referral", made.zoeEarlier?.id, "Triage and allocation"],
        ["search", "search", "Searched by NHS number: 2 shown"],
      ].sort(),
    );
    expect(JSON.stringify(entries.data)).not.toContain(zoeNhsNumber);
  });
});
