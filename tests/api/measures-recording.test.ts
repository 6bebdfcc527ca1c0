import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, createApiHarness } from "../support/api";
import { journey } from "../support/journey";
import { seedStaff, team } from "../support/world";

let api: ApiHarness;

beforeAll(async () => {
  api = await createApiHarness();
  await seedStaff(api.context);
});
afterAll(() => api.close());

const { post, acceptedByCommunityConnect } = journey(() => api);
const worker = team.vcsWorker;

/** A referral (needs: loneliness_isolation, housing) on the Community Connect worker's caseload. */
async function onCaseload() {
  const referral = await acceptedByCommunityConnect();
  const claimed = await post(`/api/referrals/${referral.id}/claim`, worker, { version: referral.version });
  expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
  return claimed.body as { id: string; version: number };
}

const measures = (id: string) => `/api/referrals/${id}/measures`;
const swemwbs = (stage: string, answers = [3, 3, 3, 3, 3, 3, 3]) => ({ tool: "swemwbs", stage, answers });
const ons4 = (stage: string) => ({
  tool: "ons4",
  stage,
  answers: { lifeSatisfaction: 4, worthwhile: 6, happy: 7, anxious: 2 },
});

function problems(response: {
  status: number;
  body: { error: { details?: { path: string; message: string }[] } };
}) {
  expect(response.status).toBe(400);
  return response.body.error.details ?? [];
}

describe("POST /api/referrals/{id}/measures", () => {
  it("lets the assigned worker record a SWEMWBS baseline, scored by the conversion table, on the case", async () => {
    const referral = await onCaseload();
    const response = await post(measures(referral.id), worker, swemwbs("baseline", [3, 3, 3, 3, 3, 3, 4]));

    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.measure).toMatchObject({
      tool: "swemwbs",
      stage: "baseline",
      answers: [3, 3, 3, 3, 3, 3, 4],
      score: { raw: 22, metric: 19.98 },
      recordedByName: worker.name,
    });
    expect(response.body.measure.measureId).toMatch(/^msr_/);
    expect(response.body.case.measures).toEqual([response.body.measure]);
    expect(response.body.case.measureSummary).toEqual([
      expect.objectContaining({
        tool: "swemwbs",
        baseline: expect.objectContaining({ score: { raw: 22, metric: 19.98 } }),
      }),
    ]);
    expect(response.body.case.version).toBe(1);

    const outbox = await api.context.db.entities.outbox.scan.go({ pages: "all" });
    expect(
      outbox.data.filter(
        (event) => event.subject.id === referral.id && event.type === "case.measure_recorded",
      ),
    ).toEqual([
      expect.objectContaining({
        data: {
          measureId: response.body.measure.measureId,
          tool: "swemwbs",
          stage: "baseline",
          score: { raw: 22, metric: 19.98 },
        },
      }),
    ]);
    const audit = await api.context.db.entities.audit.query
      .bySubject({ subjectId: referral.id })
      .go({ pages: "all" });
    expect(audit.data.filter((entry) => entry.action === "case.measure.record")).toEqual([
      expect.objectContaining({ actorId: worker.userId, outcome: "granted" }),
    ]);
  });

  it("scores ONS4 into its bands, and puts baseline beside the final with the change", async () => {
    const referral = await onCaseload();
    expect((await post(measures(referral.id), worker, ons4("baseline"))).status).toBe(201);
    const final = await post(measures(referral.id), worker, {
      tool: "ons4",
      stage: "final",
      answers: { lifeSatisfaction: 8, worthwhile: 6, happy: 5, anxious: 6 },
    });
    expect(final.status).toBe(201);
    expect(final.body.measure.score).toEqual({
      lifeSatisfaction: { value: 8, band: "high" },
      worthwhile: { value: 6, band: "medium" },
      happy: { value: 5, band: "medium" },
      anxious: { value: 6, band: "high" },
    });
    const [summary] = final.body.case.measureSummary;
    expect(summary.change.lifeSatisfaction).toMatchObject({ change: 4, direction: "better" });
    expect(summary.change.anxious).toMatchObject({
      change: 4,
      direction: "worse",
      bandFrom: "low",
      bandTo: "high",
    });
  });

  it("takes one baseline per tool: a second is 409 and says to record a review", async () => {
    const referral = await onCaseload();
    expect((await post(measures(referral.id), worker, swemwbs("baseline"))).status).toBe(201);
    const again = await post(measures(referral.id), worker, swemwbs("baseline"));
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: "invalid_transition",
      message: expect.stringMatching(/review/),
    });
    expect((await post(measures(referral.id), worker, swemwbs("review"))).status).toBe(201);
    expect((await post(measures(referral.id), worker, ons4("baseline"))).status).toBe(201);
    const stored = await api.context.db.entities.caseMeasure.query
      .byReferral({ referralId: referral.id })
      .go();
    expect(stored.data.map((item) => `${item.tool} ${item.stage}`).sort()).toEqual([
      "ons4 baseline",
      "swemwbs baseline",
      "swemwbs review",
    ]);
  });

  it("takes one final per tool until the case is reopened", async () => {
    const referral = await onCaseload();
    expect((await post(measures(referral.id), worker, swemwbs("final"))).status).toBe(201);
    expect((await post(measures(referral.id), worker, swemwbs("final"))).status).toBe(409);
    const current = await api.call("GET", `/api/referrals/${referral.id}`, { as: worker });
    const closed = await post(`/api/referrals/${referral.id}/close`, worker, {
      version: current.body.version,
      reason: "goals_met",
      summary: "Feeling better",
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const whileClosed = await post(measures(referral.id), worker, swemwbs("review"));
    expect(whileClosed.status).toBe(409);
    const reopened = await post(`/api/referrals/${referral.id}/reopen`, worker, {
      version: closed.body.version,
      reason: "Asked for more help",
    });
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    expect((await post(measures(referral.id), worker, swemwbs("final"))).status).toBe(201);
  });

  it("refuses a wellbeing measure the area has turned off, naming it", async () => {
    const settings = await api.call("GET", "/api/settings/casework", { as: team.admin });
    const changed = await api.call("PUT", "/api/settings/casework", {
      as: team.admin,
      body: { version: settings.body.version, measures: ["ons4"], unableToContactAfterAttempts: 3 },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    try {
      const referral = await onCaseload();
      const response = await post(measures(referral.id), worker, swemwbs("baseline"));
      expect(problems(response)).toEqual([
        { path: "tool", message: "This area does not use SWEMWBS: record ONS4" },
      ]);
      expect((await post(measures(referral.id), worker, ons4("baseline"))).status).toBe(201);
      const tools = await api.call("GET", "/api/measures/tools", { as: worker });
      expect(tools.body.tools.map((tool: { tool: string }) => tool.tool)).toEqual(["ons4", "domains"]);
    } finally {
      await api.call("PUT", "/api/settings/casework", {
        as: team.admin,
        body: {
          version: changed.body.version,
          measures: ["swemwbs", "ons4"],
          unableToContactAfterAttempts: 3,
        },
      });
    }
  });

  it("names every problem with the answers, per tool", async () => {
    const referral = await onCaseload();
    const badSwemwbs = await post(measures(referral.id), worker, {
      tool: "swemwbs",
      stage: "start",
      answers: [1, 2, 6, 0, 3, 2.5, 1],
    });
    expect(problems(badSwemwbs).map((problem) => problem.path)).toEqual([
      "stage",
      "answers.2",
      "answers.3",
      "answers.5",
    ]);
    const short = await post(measures(referral.id), worker, swemwbs("baseline", [1, 2, 3]));
    expect(problems(short)).toEqual([
      { path: "answers", message: "Give all seven SWEMWBS answers, in order" },
    ]);
    const badOns4 = await post(measures(referral.id), worker, {
      tool: "ons4",
      stage: "baseline",
      answers: { lifeSatisfaction: 11, happy: 3, anxious: -1, calm: 4 },
    });
    expect(problems(badOns4).map((problem) => problem.path)).toEqual([
      "answers.lifeSatisfaction",
      "answers.worthwhile",
      "answers.anxious",
      "answers",
    ]);
    const unknown = await post(measures(referral.id), worker, {
      tool: "phq9",
      stage: "baseline",
      answers: [],
    });
    expect(problems(unknown)).toEqual([
      { path: "tool", message: "Choose the measure: swemwbs, ons4 or domains" },
    ]);
  });

  it("asks a need-domain measure for a status of every need on the referral", async () => {
    const referral = await onCaseload();
    const partial = await post(measures(referral.id), worker, {
      tool: "domains",
      stage: "baseline",
      answers: { housing: "not_managing" },
    });
    expect(problems(partial)).toEqual([
      {
        path: "answers.loneliness_isolation",
        message: "Give a status for loneliness and isolation: it is one of the referral's needs",
      },
    ]);
    const complete = await post(measures(referral.id), worker, {
      tool: "domains",
      stage: "baseline",
      answers: {
        housing: "not_managing",
        loneliness_isolation: "getting_support",
        carer_support: "managing",
      },
    });
    expect(complete.status).toBe(201);
    expect(complete.body.case.domains.baseline.statuses).toEqual({
      housing: "not_managing",
      loneliness_isolation: "getting_support",
      carer_support: "managing",
    });
  });

  it("is the assigned worker's alone: another organisation's worker and an unknown id 404, other roles 403", async () => {
    const referral = await onCaseload();
    expect((await post(measures(referral.id), team.vcsManager, swemwbs("baseline"))).status).toBe(403);
    expect((await post(measures(referral.id), team.pcnWorker, swemwbs("baseline"))).status).toBe(404);
    expect((await post(measures(referral.id), team.carersWorker, swemwbs("baseline"))).status).toBe(404);
    expect((await post(measures("ref_01jd8k2m3n4p5q6r7s8t9v0w1x"), worker, swemwbs("baseline"))).status).toBe(
      404,
    );
    expect((await post(measures(referral.id), team.gp, swemwbs("baseline"))).status).toBe(403);
    expect((await post(measures(referral.id), team.commissioner, swemwbs("baseline"))).status).toBe(403);
    const stored = await api.context.db.entities.caseMeasure.query
      .byReferral({ referralId: referral.id })
      .go();
    expect(stored.data).toEqual([]);
  });
});

describe("GET /api/measures/tools", () => {
  it("gives staff the area's tools: ONS4's published questions, the placeholder SWEMWBS pack, need domains", async () => {
    const response = await api.call("GET", "/api/measures/tools", { as: worker });
    expect(response.status).toBe(200);
    const [swemwbsTool, ons4Tool, domainsTool] = response.body.tools;
    expect(swemwbsTool).toMatchObject({ tool: "swemwbs", placeholder: true });
    expect(swemwbsTool.items).toHaveLength(7);
    expect(swemwbsTool.items[0].text).toBe(
      "Statement 1 of 7 — licensed wording not included; see docs/measures.md",
    );
    expect(swemwbsTool.scale.map((entry: { value: number }) => entry.value)).toEqual([1, 2, 3, 4, 5]);
    expect(ons4Tool).toMatchObject({ tool: "ons4", placeholder: false });
    expect(ons4Tool.items.map((item: { key: string }) => item.key)).toEqual([
      "lifeSatisfaction",
      "worthwhile",
      "happy",
      "anxious",
    ]);
    expect(ons4Tool.items[0].text).toBe("Overall, how satisfied are you with your life nowadays?");
    expect(ons4Tool.notice).toMatch(/Open Government Licence/);
    expect(domainsTool.scale.map((entry: { value: string }) => entry.value)).toEqual([
      "not_managing",
      "getting_support",
      "managing",
      "thriving",
    ]);
  });

  it("is refused to referrers and commissioners", async () => {
    expect((await api.call("GET", "/api/measures/tools", { as: team.gp })).status).toBe(403);
    expect((await api.call("GET", "/api/measures/tools", { as: team.commissioner })).status).toBe(403);
  });
});
