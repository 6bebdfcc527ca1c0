import type { UserActor } from "@linkwork/core/actor";
import { transactWrite } from "@linkwork/core/db/transact";
import { pageSize } from "@linkwork/core/referral/list";
import { receiveReferral } from "@linkwork/core/referral/receive";
import { ReferralCreate, type RiskFlag } from "@linkwork/core/referral/schema";
import { referralUpdate } from "@linkwork/core/referral/write";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, createApiHarness } from "../support/api";
import { aReferral } from "../support/builders";
import { seedStaff, team } from "../support/world";

let api: ApiHarness;
beforeAll(async () => {
  api = await createApiHarness();
  await seedStaff(api.context);
});
afterAll(() => api.close());

const gp: UserActor = { type: "user", ...team.gp };

/** Referrals received straight through the use case, for lists long enough to page. */
async function receiveMany(count: number, riskFlags: (index: number) => RiskFlag[] = () => []) {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const input = ReferralCreate.parse(aReferral({ riskFlags: riskFlags(index) }));
    ids.push((await receiveReferral(api.context, gp, input)).referral.id);
  }
  return ids;
}

/** Puts a received referral straight into a link worker's caseload, as a claim would leave it. */
async function onCaseloadOf(referralId: string, worker: { userId: string; organisationId: string }) {
  const current = (await api.context.db.entities.referral.get({ referralId }).go()).data;
  if (!current) throw new Error(`No referral ${referralId}`);
  const next = {
    ...current,
    status: "assigned" as const,
    organisationId: worker.organisationId,
    assignedTo: worker.userId,
    version: current.version + 1,
  };
  await transactWrite(api.context, [
    referralUpdate(api.context, current, next, { version: current.version }),
  ]);
}

async function allPages(path: string, as: (typeof team)[keyof typeof team]) {
  const pages: { items: { id: string }[]; cursor?: string }[] = [];
  let cursor: string | undefined;
  do {
    const separator = path.includes("?") ? "&" : "?";
    const response = await api.call(
      "GET",
      cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path,
      { as },
    );
    expect(response.status).toBe(200);
    pages.push(response.body);
    cursor = response.body.cursor;
  } while (cursor);
  return pages;
}

describe("lists of referrals", () => {
  it("fill every page when a filter keeps few of the referrals read, and end without an empty page", async () => {
    // Every second referral is in crisis: 60 of them among 120.
    await receiveMany(120, (index) => (index % 2 === 0 ? ["crisis"] : []));
    const pages = await allPages("/api/referrals?status=received&riskFlag=crisis", team.coordinator);
    expect(pages.map((page) => page.items.length)).toEqual([pageSize, 60 - pageSize]);
    expect(pages.at(-1)?.cursor).toBeUndefined();
    const ids = pages.flatMap((page) => page.items.map((item) => item.id));
    expect(new Set(ids).size).toBe(60);
  });

  it("give a list of exactly one page no cursor to an empty second page", async () => {
    await receiveMany(pageSize, () => ["frequent_attender"]);
    const pages = await allPages(
      "/api/referrals?status=received&riskFlag=frequent_attender",
      team.coordinator,
    );
    expect(pages.map((page) => page.items.length)).toEqual([pageSize]);
  });

  it("show a link worker their organisation's waiting referrals on the first page, past colleagues' cases", async () => {
    const colleagues = await receiveMany(pageSize + 20);
    for (const referralId of colleagues) await onCaseloadOf(referralId, team.pcnWorker);
    const [waiting] = await receiveMany(1);
    const triaged = await api.call("POST", `/api/referrals/${waiting}/triage`, {
      as: team.coordinator,
      body: { version: 1, priority: "routine", supportLevel: "intensive", needs: ["housing"] },
    });
    const allocated = await api.call("POST", `/api/referrals/${waiting}/allocate`, {
      as: team.coordinator,
      body: { version: triaged.body.version, organisationId: team.pcnWorker.organisationId, note: "Test" },
    });
    expect(allocated.body).toMatchObject({ status: "allocated" });

    const otherWorker = { ...team.pcnWorker, userId: "usr_pcn_colleague", email: "colleague@linkwork.test" };
    await api.context.db.entities.user
      .create({
        ...otherWorker,
        caseloadLimit: 30,
        activeCaseload: 0,
        active: true,
        version: 1,
        createdAt: "2026-11-23T09:00:00.000Z",
        updatedAt: "2026-11-23T09:00:00.000Z",
      })
      .go();
    const pages = await allPages("/api/referrals", otherWorker);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.items.map((item) => item.id)).toEqual([waiting]);
  });

  it("refuse a cursor that is not theirs, is for another filter, or is not a cursor, with 400 naming it", async () => {
    await receiveMany(pageSize + 1, () => ["safeguarding"]);
    const first = await api.call("GET", "/api/referrals?status=received&riskFlag=safeguarding", {
      as: team.coordinator,
    });
    const cursor = encodeURIComponent(first.body.cursor);
    expect(cursor).toBeTruthy();
    const attempts = [
      { path: `/api/referrals?status=received&riskFlag=crisis&cursor=${cursor}`, as: team.coordinator },
      { path: `/api/referrals?status=triaged&riskFlag=safeguarding&cursor=${cursor}`, as: team.coordinator },
      { path: `/api/referrals?cursor=${cursor}`, as: team.gp },
      { path: "/api/referrals?cursor=not-a-cursor", as: team.coordinator },
      {
        path: `/api/referrals?cursor=${Buffer.from('{"list":1}').toString("base64url")}`,
        as: team.coordinator,
      },
    ];
    for (const attempt of attempts) {
      const response = await api.call("GET", attempt.path, { as: attempt.as });
      expect(response.status, attempt.path).toBe(400);
      expect(response.body.error.code).toBe("validation_failed");
      expect(response.body.error.details).toEqual([{ path: "cursor", message: expect.any(String) }]);
    }
  });

  it("refuse a hand-made cursor naming a month no list reaches, rather than walk to it", async () => {
    // Everything received, newest first: a list read month by month, long enough to have a cursor.
    const first = await api.call("GET", "/api/referrals", { as: team.coordinator });
    const { list } = JSON.parse(Buffer.from(first.body.cursor, "base64url").toString("utf8"));
    const withMonth = (month: string) => Buffer.from(JSON.stringify({ list, month })).toString("base64url");
    const earlier = await api.call("GET", `/api/referrals?cursor=${withMonth("2026-10")}`, {
      as: team.coordinator,
    });
    expect(earlier.status).toBe(200);
    for (const month of ["9999-12", "2027-01", "1999-01"]) {
      const response = await api.call("GET", `/api/referrals?cursor=${withMonth(month)}`, {
        as: team.coordinator,
      });
      expect(response.status, month).toBe(400);
      expect(response.body.error.details[0].path).toBe("cursor");
    }
  });

  it("refuse a hand-made cursor that points into another partition, without a 500", async () => {
    await receiveMany(pageSize + 1, () => ["carer"]);
    const first = await api.call("GET", "/api/referrals?status=received&riskFlag=carer", {
      as: team.coordinator,
    });
    const content = JSON.parse(Buffer.from(first.body.cursor, "base64url").toString("utf8"));
    content.keys.gsi1pk = "$linkwork#areaid_default#status_triaged";
    const forged = Buffer.from(JSON.stringify(content)).toString("base64url");
    const response = await api.call("GET", `/api/referrals?status=received&riskFlag=carer&cursor=${forged}`, {
      as: team.coordinator,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].path).toBe("cursor");
  });
});
