import type { UserActor } from "@linkwork/core/actor";
import { recordMeasure } from "@linkwork/core/casework/record-measure";
import { receiveReferral } from "@linkwork/core/referral/receive";
import { ReferralCreate } from "@linkwork/core/referral/schema";
import { transitionReferral } from "@linkwork/core/referral/transition";
import { isAppError } from "@linkwork/core/util/errors";
import { beforeEach, describe, expect, it } from "vitest";
import { aReferral } from "../support/builders";
import { createTestContext } from "../support/database";
import { seedStaff, team } from "../support/world";

let setup: Awaited<ReturnType<typeof createTestContext>>;
const as = (person: Omit<UserActor, "type">): UserActor => ({ type: "user", ...person });
const coordinator = as(team.coordinator);
const worker = as(team.vcsWorker);
const organisationId = team.vcsWorker.organisationId;

beforeEach(async () => {
  setup = await createTestContext("2026-11-23T09:00:00.000Z");
  await seedStaff(setup.context);
});

/** A referral on the worker's caseload. */
async function claimed() {
  const { referral } = await receiveReferral(setup.context, as(team.gp), ReferralCreate.parse(aReferral()));
  const triaged = await transitionReferral(setup.context, coordinator, referral.id, 1, {
    type: "triage",
    priority: "routine",
    supportLevel: "supported_connection",
    needs: ["loneliness_isolation"],
    riskFlags: [],
  });
  const allocated = await transitionReferral(setup.context, coordinator, referral.id, triaged.version, {
    type: "allocate",
    organisationId,
  });
  const accepted = await transitionReferral(
    setup.context,
    as(team.vcsManager),
    referral.id,
    allocated.version,
    {
      type: "accept",
    },
  );
  return transitionReferral(setup.context, worker, referral.id, accepted.version, { type: "claim" });
}

describe("recording measures at the same moment", () => {
  it("stores one baseline of a tool when several are sent at once, and refuses the other with 409", async () => {
    const referral = await claimed();
    const baseline = { tool: "swemwbs", stage: "baseline", answers: [3, 3, 3, 3, 3, 3, 3] };
    const results = await Promise.allSettled([
      recordMeasure(setup.context, worker, referral.id, baseline),
      recordMeasure(setup.context, worker, referral.id, baseline),
      recordMeasure(setup.context, worker, referral.id, baseline),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") {
        expect(isAppError(result.reason) && result.reason.code).toBe("invalid_transition");
      }
    }
    const stored = await setup.context.db.entities.caseMeasure.query
      .byReferral({ referralId: referral.id })
      .go();
    expect(stored.data).toHaveLength(1);
    const record = await setup.context.db.entities.caseRecord.get({ referralId: referral.id }).go();
    expect(record.data?.version).toBe(1);
  });

  it("keeps every review recorded at once, each with its own id, and counts each in the case's version", async () => {
    const referral = await claimed();
    const review = (happy: number) => ({
      tool: "ons4",
      stage: "review",
      answers: { lifeSatisfaction: 5, worthwhile: 5, happy, anxious: 5 },
    });
    const recorded = await Promise.all(
      [1, 2, 3].map((happy) => recordMeasure(setup.context, worker, referral.id, review(happy))),
    );
    expect(new Set(recorded.map((result) => result.measure.measureId)).size).toBe(3);
    const stored = await setup.context.db.entities.caseMeasure.query
      .byReferral({ referralId: referral.id })
      .go();
    expect(stored.data.map((item) => item.answers.happy).sort()).toEqual([1, 2, 3]);
    const record = await setup.context.db.entities.caseRecord.get({ referralId: referral.id }).go();
    expect(record.data?.version).toBe(3);
  });

  it("parses its own input, so a caller other than the API cannot store a malformed measure", async () => {
    const referral = await claimed();
    await expect(
      recordMeasure(setup.context, worker, referral.id, { tool: "swemwbs", stage: "baseline", answers: [9] }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    const stored = await setup.context.db.entities.caseMeasure.query
      .byReferral({ referralId: referral.id })
      .go();
    expect(stored.data).toEqual([]);
  });
});
