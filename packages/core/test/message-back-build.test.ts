import { describe, expect, it } from "vitest";
import type { RecordedMeasure } from "../src/casework/domain/measure-types";
import { scoreMeasure } from "../src/casework/domain/measures";
import { buildMessageBack, type CaseForMessageBack, type ClosedReferral } from "../src/message-back/build";
import { messageBackBlocks } from "../src/message-back/document";
import { MessageBack } from "../src/message-back/schema";

function measure(
  stage: RecordedMeasure["stage"],
  recordedAt: string,
  input: Parameters<typeof scoreMeasure>[0],
): RecordedMeasure {
  return { ...scoreMeasure(input), measureId: `msr_${input.tool}_${stage}`, stage, recordedAt };
}

const referral: ClosedReferral = {
  referralId: "ref_01jd8k2m3n4p5q6r7s8t9v0w1x",
  reference: "LW-7KQ2",
  source: "gp",
  receivedAt: "2026-01-02T09:00:00.000Z",
  firstContactAt: "2026-01-06T10:00:00.000Z",
  closedAt: "2026-03-20T16:00:00.000Z",
  closureReason: "goals_met",
  closureSummary: "Joined a walking group and sorted her benefits.",
  person: { givenName: "Ada", familyName: "Lovelace", nhsNumber: "9434765919", dateOfBirth: "1950-04-01" },
  practiceOds: "A81001",
  supportLevel: "supported_connection",
  needs: ["loneliness_isolation", "finance_debt_benefits"],
};

const casework: CaseForMessageBack = {
  contacts: [{ outcome: "no_answer" }, { outcome: "made_contact" }, { outcome: "made_contact" }],
  goals: [{ text: "Walk twice a week", importance: 8, status: "achieved" }],
  connections: [
    {
      serviceName: "Citizens Advice",
      sector: "vcs",
      need: "finance_debt_benefits",
      status: "attended",
      createdAt: "2026-01-20T10:00:00.000Z",
      updatedAt: "2026-02-10T10:00:00.000Z",
      history: [
        { status: "referred", at: "2026-01-20T10:00:00.000Z" },
        { status: "attended", at: "2026-02-03T10:00:00.000Z" },
      ],
    },
    {
      serviceName: "Park walks",
      serviceId: "svc_1",
      sector: "statutory",
      need: "loneliness_isolation",
      status: "suggested",
      createdAt: "2026-01-10T10:00:00.000Z",
      updatedAt: "2026-01-10T10:00:00.000Z",
      history: [{ status: "suggested", at: "2026-01-10T10:00:00.000Z" }],
    },
  ],
  measures: [
    measure("final", "2026-03-19T10:00:00.000Z", { tool: "swemwbs", answers: [4, 4, 4, 4, 3, 3, 3] }),
    measure("baseline", "2026-01-06T10:00:00.000Z", { tool: "swemwbs", answers: [3, 3, 3, 3, 3, 3, 3] }),
    measure("baseline", "2026-01-06T10:00:00.000Z", {
      tool: "domains",
      answers: { loneliness_isolation: "not_managing", finance_debt_benefits: "not_managing" },
    }),
    measure("final", "2026-03-19T10:00:00.000Z", {
      tool: "domains",
      answers: { loneliness_isolation: "managing", finance_debt_benefits: "getting_support" },
    }),
  ],
  escalations: [
    {
      to: "gp",
      raisedAt: "2026-02-01T10:00:00.000Z",
      status: "resolved",
      resolvedAt: "2026-02-02T10:00:00.000Z",
    },
  ],
};

const names = {
  referrer: { name: "Dr Grace Hopper", organisationName: "High Street Surgery" },
  organisation: { id: "org_community_connect", name: "Community Connect" },
  linkWorkerName: "Sam Rivers",
};

const now = new Date("2026-03-21T09:00:00.000Z");

describe("building the message back", () => {
  const built = buildMessageBack(referral, casework, names, now);

  it("fits the response schema, with every field API.md names", () => {
    expect(MessageBack.parse(built)).toEqual(built);
    expect(built).toMatchObject({
      referralId: referral.referralId,
      closedAt: referral.closedAt,
      closureReason: "goals_met",
      summary: "Joined a walking group and sorted her benefits.",
    });
  });

  it("says who: the person, the referrer, the provider and the link worker", () => {
    expect(built.person).toEqual({
      name: "Ada Lovelace",
      nhsNumber: "9434765919",
      dateOfBirth: "1950-04-01",
    });
    expect(built.referrer).toEqual({ name: "Dr Grace Hopper", organisationName: "High Street Surgery" });
    expect(built.organisation).toEqual({ id: "org_community_connect", name: "Community Connect" });
    expect(built.linkWorker).toEqual({ name: "Sam Rivers" });
  });

  it("says when, what support, and why it ended in words", () => {
    expect(built).toMatchObject({
      receivedAt: referral.receivedAt,
      firstContactAt: referral.firstContactAt,
      closureReasonText: "Goals met",
      supportLevel: { code: "supported_connection", text: "Supported connection" },
      contactsMade: 2,
      contactAttempts: 3,
      goals: [{ text: "Walk twice a week", importance: 8, status: "achieved", statusText: "Achieved" }],
    });
    expect(built.needs.map((need) => need.text)).toEqual([
      "Loneliness and isolation",
      "Money, debt and benefits",
    ]);
  });

  it("lists connections in the order they were made, each with when it reached its status", () => {
    expect(built.connections).toEqual([
      expect.objectContaining({
        serviceName: "Park walks",
        statusText: "Suggested",
        since: "2026-01-10T10:00:00.000Z",
      }),
      expect.objectContaining({
        serviceName: "Citizens Advice",
        sectorText: "Voluntary and community sector",
        status: "attended",
        since: "2026-02-03T10:00:00.000Z",
      }),
    ]);
  });

  it("gives each measure's baseline, final and change, in numbers and in words", () => {
    const swemwbs = built.measures.find((entry) => entry.tool === "swemwbs");
    // raw 21 (19.25) to raw 25 (22.35)
    expect(swemwbs).toMatchObject({
      baseline: { score: { raw: 21, metric: 19.25 } },
      final: { score: { raw: 25, metric: 22.35 } },
      change: 3.1,
      meaningful: true,
    });
    expect(swemwbs?.description).toBe(
      "19.25 at baseline (6 January 2026), 22.35 at the end (19 March 2026): up 3.10 points, a meaningful change (3 points or more).",
    );
    expect(built.measures.find((entry) => entry.tool === "domains")?.description).toContain(
      'Moved out of "not managing": Loneliness and isolation, Money, debt and benefits',
    );
    expect(built.domains.final?.statuses).toEqual({
      loneliness_isolation: "managing",
      finance_debt_benefits: "getting_support",
    });
  });

  it("codes every referral to social prescribing, and a decline as declined", () => {
    expect(built.codes).toEqual([
      {
        system: "http://snomed.info/sct",
        code: "871731000000106",
        display: "Referral to social prescribing service",
      },
    ]);
    const declined = buildMessageBack(
      { ...referral, closureReason: "person_declined" },
      casework,
      names,
      now,
    );
    expect(declined.codes.map((code) => code.code)).toEqual(["871731000000106", "871711000000103"]);
    expect(declined.closureReasonText).toBe("Person declined support");
  });

  it("names no referrer for a self-referral, and reports a case with nothing recorded plainly", () => {
    const empty = buildMessageBack(
      { ...referral, source: "self", firstContactAt: undefined },
      { contacts: [], goals: [], connections: [], measures: [], escalations: [] },
      { organisation: names.organisation },
      now,
    );
    expect(empty.referrer).toBeUndefined();
    expect(empty).not.toHaveProperty("firstContactAt");
    expect(empty).toMatchObject({ contactsMade: 0, measures: [], connections: [], domains: {} });
    const lines = messageBackBlocks(empty).map((block) =>
      "text" in block ? block.text : `${block.label}: ${block.value}`,
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        "First contact: No contact was made",
        "No onward referrals were made.",
        "No wellbeing measures were recorded.",
        "Referred by: Self-referral",
      ]),
    );
  });
});
