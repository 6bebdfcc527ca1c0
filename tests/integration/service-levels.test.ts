import type { UserActor } from "@linkwork/core/actor";
import { allocateReferral } from "@linkwork/core/allocation/allocate";
import { listReferrals } from "@linkwork/core/referral/list";
import { readReferral } from "@linkwork/core/referral/read";
import { receiveReferral } from "@linkwork/core/referral/receive";
import { ReferralCreate } from "@linkwork/core/referral/schema";
import { sweepServiceLevels } from "@linkwork/core/referral/sweep";
import { transitionReferral } from "@linkwork/core/referral/transition";
import { beforeEach, describe, expect, it } from "vitest";
import { aReferral } from "../support/builders";
import { createTestContext } from "../support/database";
import { seedStaff, team } from "../support/world";

let setup: Awaited<ReturnType<typeof createTestContext>>;
const as = (person: Omit<UserActor, "type">): UserActor => ({ type: "user", ...person });
const coordinator = as(team.coordinator);

beforeEach(async () => {
  // Monday 23 November 2026, 09:00 in England.
  setup = await createTestContext("2026-11-23T09:00:00.000Z");
  await seedStaff(setup.context);
});

async function received() {
  const input = ReferralCreate.parse(aReferral({ person: { ...aReferral().person, postcode: "NS1 4AB" } }));
  return (await receiveReferral(setup.context, as(team.gp), input)).referral;
}

async function allocated() {
  const referral = await received();
  const triaged = await transitionReferral(setup.context, coordinator, referral.id, 1, {
    type: "triage",
    priority: "routine",
    supportLevel: "supported_connection",
    needs: ["loneliness_isolation"],
    riskFlags: [],
  });
  return allocateReferral(setup.context, coordinator, referral.id, {
    version: triaged.version,
    organisationId: team.vcsManager.organisationId,
  });
}

async function eventsOf(referralId: string) {
  const outbox = await setup.db.entities.outbox.scan.go({ pages: "all" });
  return outbox.data
    .filter((item) => item.subject.id === referralId)
    .sort((left, right) => left.eventId.localeCompare(right.eventId))
    .map((item) => ({ type: item.type, actor: item.actor.id, data: item.data }));
}

describe("the service-level sweep", () => {
  it("leaves referrals alone while their timers run", async () => {
    await received();
    setup.clock.set("2026-11-25T17:00:00.000Z");
    expect(await sweepServiceLevels(setup.context)).toEqual({ expired: [], breached: [] });
  });

  it("returns an allocation not accepted within five working days to the triage queue by itself", async () => {
    const referral = await allocated();
    setup.clock.set("2026-11-30T12:00:00.000Z");
    expect((await sweepServiceLevels(setup.context)).expired).toEqual([]);

    // Allocated Monday 23rd: five working days end on Monday 30th at midnight.
    setup.clock.set("2026-12-01T00:30:00.000Z");
    const result = await sweepServiceLevels(setup.context);
    expect(result.expired).toEqual([referral.id]);
    const after = await readReferral(setup.context, coordinator, referral.id);
    expect(after).toMatchObject({ status: "triaged", version: referral.version + 1 });
    expect(after.organisationId).toBeUndefined();
    expect((await eventsOf(referral.id)).at(-1)).toEqual({
      type: "referral.allocation_expired",
      actor: "system:service-level-sweep",
      data: { organisationId: team.vcsManager.organisationId },
    });
    expect((await sweepServiceLevels(setup.context)).expired).toEqual([]);
  });

  it("records a missed triage once, as an event, and keeps showing the referral as overdue", async () => {
    const referral = await received();
    setup.clock.set("2026-11-26T08:00:00.000Z");
    expect(await sweepServiceLevels(setup.context)).toEqual({ expired: [], breached: [referral.id] });
    expect(await sweepServiceLevels(setup.context)).toEqual({ expired: [], breached: [] });

    const after = await readReferral(setup.context, coordinator, referral.id);
    expect(after).toMatchObject({ status: "received", version: 1, breaches: ["triage"] });
    expect(after.serviceLevel).toEqual({ step: "triage", dueAt: "2026-11-25T23:59:59.999Z", overdue: true });
    expect((await eventsOf(referral.id)).map((event) => event.type)).toEqual([
      "referral.received",
      "referral.triage_overdue",
    ]);
  });

  it("records a missed first contact after the referral was picked up", async () => {
    const referral = await allocated();
    const accepted = await transitionReferral(
      setup.context,
      as(team.vcsManager),
      referral.id,
      referral.version,
      {
        type: "accept",
      },
    );
    const claimed = await transitionReferral(
      setup.context,
      as(team.vcsWorker),
      referral.id,
      accepted.version,
      {
        type: "claim",
      },
    );
    expect(claimed.serviceLevel?.step).toBe("first_contact");
    setup.clock.set("2026-12-01T12:00:00.000Z");
    expect((await sweepServiceLevels(setup.context)).breached).toEqual([referral.id]);
    const events = await eventsOf(referral.id);
    expect(events.at(-1)).toMatchObject({
      type: "referral.first_contact_overdue",
      data: { linkWorkerId: team.vcsWorker.userId },
    });
  });

  it("answers the queue's overdue filter with only the referrals past their timer", async () => {
    const late = await received();
    const onTime = await received();
    await transitionReferral(setup.context, coordinator, onTime.id, 1, {
      type: "triage",
      priority: "soon",
      supportLevel: "signposting",
      needs: ["other"],
      riskFlags: [],
    });
    setup.clock.set("2026-11-27T10:00:00.000Z");
    await sweepServiceLevels(setup.context);
    const overdue = await listReferrals(setup.context, coordinator, { overdue: true });
    expect(overdue.items.map((item) => item.id)).toEqual([late.id]);
    const all = await listReferrals(setup.context, coordinator, {});
    expect(all.items.map((item) => item.id).sort()).toEqual([late.id, onTime.id].sort());
  });
});
