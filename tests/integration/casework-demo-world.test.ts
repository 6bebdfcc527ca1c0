import type { UserActor } from "@linkwork/core/actor";
import { readCase } from "@linkwork/core/casework/read-case";
import { eventTypesAbout, isEventOf, parseEvent } from "@linkwork/core/event/catalogue";
import { readMessageBack } from "@linkwork/core/message-back/read";
import { readCaseload } from "@linkwork/core/referral/caseload";
import { listReferrals } from "@linkwork/core/referral/list";
import { readReferral } from "@linkwork/core/referral/read";
import { sweepServiceLevels } from "@linkwork/core/referral/sweep";
import { readTimeline } from "@linkwork/core/timeline/read";
import { recordTimelineEntry } from "@linkwork/core/timeline/record";
import {
  closedWithMessageBack,
  inProgress,
  readyToPickUp,
  workingDaysBefore,
} from "@linkwork/local/demo-casework";
import { seedDemoWorld } from "@linkwork/local/seed";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestContext } from "../support/database";
import { staff } from "../support/world";

let setup: Awaited<ReturnType<typeof createTestContext>>;
const as = (email: string): UserActor => ({ type: "user", ...staff(email) });
const pcnWorker = as("worker.pcn@linkwork.test");
const connectWorker = as("worker.vcs@linkwork.test");
const gp = as("gp@linkwork.test");

/** A Wednesday: the stories' working days go back over weekends, so their dates are Monday to Friday. */
const seedDay = "2026-12-02T10:00:00.000Z";

beforeAll(async () => {
  setup = await createTestContext(seedDay);
  await seedDemoWorld(setup.context);
});

async function referralIdOf(nhsNumber: string | undefined): Promise<string> {
  const referrals = await setup.db.entities.referral.scan.go({ pages: "all" });
  const found = referrals.data.find((referral) => referral.person.nhsNumber === nhsNumber);
  if (!found) throw new Error(`No referral for ${nhsNumber}`);
  return found.referralId;
}

const maureen = () => referralIdOf(readyToPickUp.referral.person.nhsNumber);
const yvonne = () => referralIdOf(inProgress.referral.person.nhsNumber);
const graham = () => referralIdOf(closedWithMessageBack.referral.person.nhsNumber);

/** What the timeline subscriber does with every referral event the relay publishes. */
async function relayReferralEventsToTimelines() {
  const outbox = await setup.db.entities.outbox.scan.go({ pages: "all" });
  for (const { eventId, type, occurredAt, actor, subject, data } of outbox.data) {
    const event = parseEvent({ id: eventId, type, occurredAt, actor, subject, data });
    if (isEventOf(event, eventTypesAbout("referral"))) await recordTimelineEntry(setup.db, event);
  }
}

describe("the demo world's casework", () => {
  it("counts working days back over the weekend", () => {
    expect(workingDaysBefore(new Date("2026-12-07T08:00:00Z"), 1, "14:30").toISOString()).toBe(
      "2026-12-04T14:30:00.000Z",
    );
    expect(workingDaysBefore(new Date(seedDay), 5, "09:05").toISOString()).toBe("2026-11-25T09:05:00.000Z");
  });

  it("has Maureen Fletcher accepted by North Town PCN yesterday, waiting in its worker's ready-to-pick-up queue", async () => {
    const ready = await listReferrals(setup.context, pcnWorker, {
      status: "accepted",
      organisationId: "org_north_town_pcn",
    });
    expect(ready.items.map((referral) => [referral.person.givenName, referral.person.familyName])).toEqual([
      ["Maureen", "Fletcher"],
    ]);
    expect(ready.items[0]).toMatchObject({
      status: "accepted",
      organisationId: "org_north_town_pcn",
      receivedAt: "2026-12-01T09:40:00.000Z",
      acceptedAt: "2026-12-01T14:30:00.000Z",
      practiceOds: "A81001",
    });
    expect(ready.items[0]?.assignedTo).toBeUndefined();
  });

  it("has Yvonne Baptiste's case in progress on the PCN worker's caseload, picked up over a week ago", async () => {
    const caseload = await readCaseload(setup.context, pcnWorker);
    expect(caseload.items.map((referral) => [referral.person.givenName, referral.status])).toEqual([
      ["Yvonne", "active"],
    ]);
    expect(caseload.items[0]).toMatchObject({
      assignedTo: "usr_worker_pcn",
      assignedAt: "2026-11-20T10:15:00.000Z",
      // The first contact made was the phone call, which ended ten minutes before it was written up.
      firstContactAt: "2026-11-23T13:50:00.000Z",
      reviewOn: "2026-12-16",
      reviewOverdue: false,
      failedContactAttempts: 0,
    });
  });

  it("shows Yvonne's case as its worker left it: a missed call, two contacts, a plan, baselines and a connection", async () => {
    const view = await readCase(setup.context, pcnWorker, await yvonne());
    expect(view.contacts.map((contact) => [contact.method, contact.outcome])).toEqual([
      ["home_visit", "made_contact"],
      ["phone", "made_contact"],
      ["phone", "no_answer"],
    ]);
    expect(view).toMatchObject({ contactCount: 3, failedAttempts: 0, unableToContactPrompt: false });
    expect(view.whatMatters).toContain("Winston's care");
    expect(view.plan).toMatchObject({ version: 1, reviewOn: "2026-12-16" });
    expect(view.plan.goals.map((goal) => [goal.importance, goal.status])).toEqual([
      [10, "active"],
      [7, "active"],
    ]);
    expect(view.measures.map((measure) => [measure.tool, measure.stage]).sort()).toEqual([
      ["domains", "baseline"],
      ["ons4", "baseline"],
      ["swemwbs", "baseline"],
    ]);
    expect(view.domains.baseline?.statuses).toEqual({
      finance_debt_benefits: "not_managing",
      loneliness_isolation: "not_managing",
      practical_support: "getting_support",
    });
    expect(
      view.connections.map((connection) => [connection.serviceName, connection.sector, connection.status]),
    ).toEqual([["Citizens Advice Northshire", "vcs", "referred"]]);
    expect(view.allowedActions).toContain("record_contact");
  });

  it("lets the GP read Graham Whitfield's message back at once: goals met, two connections attended, wellbeing up meaningfully", async () => {
    const message = await readMessageBack(setup.context, gp, await graham());
    expect(message).toMatchObject({
      person: { name: "Graham Whitfield", nhsNumber: "9990010013" },
      organisation: { id: "org_community_connect", name: "Community Connect" },
      linkWorker: { name: "Megan Hughes" },
      receivedAt: "2026-09-23T09:20:00.000Z",
      firstContactAt: "2026-09-25T10:05:00.000Z",
      closedAt: "2026-11-11T14:30:00.000Z",
      closureReason: "goals_met",
      contactsMade: 4,
      contactAttempts: 4,
    });
    expect(message.summary).toContain("North Town Men's Shed");
    expect(message.codes.map((code) => code.code)).toEqual(["871731000000106"]);
    expect(message.connections.map((connection) => [connection.serviceName, connection.status])).toEqual([
      ["Riverside Walking for Health", "attended"],
      ["North Town Men's Shed", "attended"],
    ]);
    expect(message.goals.map((goal) => goal.status)).toEqual(["achieved", "achieved"]);
    const swemwbs = message.measures.find((measure) => measure.tool === "swemwbs");
    expect(swemwbs).toMatchObject({
      baseline: { score: { raw: 16, metric: 16.36 } },
      final: { score: { raw: 26, metric: 23.21 } },
      meaningful: true,
    });
    expect(swemwbs?.change).toBeCloseTo(6.85, 2);
    expect(message.measures.map((measure) => measure.tool).sort()).toEqual(["domains", "ons4", "swemwbs"]);
    expect(message.domains.final?.statuses).toEqual({
      physical_activity: "thriving",
      loneliness_isolation: "managing",
      mental_wellbeing: "managing",
    });
  });

  it("shows another organisation's staff none of it: the PCN's manager gets not found for Graham, Community Connect's for Yvonne", async () => {
    const pcnManager = as("manager.pcn@linkwork.test");
    const connectManager = as("manager.vcs@linkwork.test");
    for (const [user, referralId] of [
      [pcnManager, await graham()],
      [connectManager, await yvonne()],
      [connectManager, await maureen()],
    ] as const) {
      await expect(readReferral(setup.context, user, referralId)).rejects.toMatchObject({
        code: "not_found",
      });
      await expect(readCase(setup.context, user, referralId)).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(readMessageBack(setup.context, pcnManager, await graham())).rejects.toMatchObject({
      code: "not_found",
    });
    // Community Connect's own worker still reads the case they closed.
    expect((await readCase(setup.context, connectWorker, await graham())).referralStatus).toBe("closed");
  });

  it("tells Graham's referral's steps on its timeline at the moments they happened, weeks ago", async () => {
    await relayReferralEventsToTimelines();
    const timeline = await readTimeline(setup.context, gp, await graham());
    const lifecycle = timeline.filter((entry) => entry.type.startsWith("referral."));
    expect(lifecycle.map((entry) => [entry.type, entry.at])).toEqual([
      ["referral.received", "2026-09-23T09:20:00.000Z"],
      ["referral.triaged", "2026-09-23T13:10:00.000Z"],
      ["referral.allocated", "2026-09-23T13:15:00.000Z"],
      ["referral.accepted", "2026-09-24T10:00:00.000Z"],
      ["referral.claimed", "2026-09-25T09:15:00.000Z"],
      ["referral.first_contact_made", "2026-09-25T10:30:00.000Z"],
      ["referral.closed", "2026-11-11T14:30:00.000Z"],
    ]);
  });

  it("leaves no service level run out on the seed day", async () => {
    expect(await sweepServiceLevels(setup.context)).toEqual({ expired: [], breached: [] });
  });

  it("is told once: seeding again adds no referral, contact, measure, plan or connection", async () => {
    const counts = async () => {
      const { entities } = setup.db;
      const scans = await Promise.all([
        entities.referral.scan.go({ pages: "all" }),
        entities.caseRecord.scan.go({ pages: "all" }),
        entities.caseContact.scan.go({ pages: "all" }),
        entities.caseMeasure.scan.go({ pages: "all" }),
        entities.planRevision.scan.go({ pages: "all" }),
        entities.caseConnection.scan.go({ pages: "all" }),
      ]);
      return scans.map((scan) => scan.data.length);
    };
    // Ten referrals; two cases; 3 + 4 contacts; 3 + 7 measures; 1 + 3 plan versions; 1 + 2 connections.
    expect(await counts()).toEqual([10, 2, 7, 10, 4, 3]);
    expect((await seedDemoWorld(setup.context)).referrals).toBe(0);
    expect(await counts()).toEqual([10, 2, 7, 10, 4, 3]);
  });
});
