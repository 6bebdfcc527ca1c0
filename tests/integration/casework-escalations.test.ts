import { listEscalations } from "@linkwork/core/casework/list-escalations";
import { raiseEscalation } from "@linkwork/core/casework/raise-escalation";
import { readCase } from "@linkwork/core/casework/read-case";
import { resolveEscalation } from "@linkwork/core/casework/resolve-escalation";
import { readReferral } from "@linkwork/core/referral/read";
import { beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../support/database";
import { seedStaff } from "../support/world";
import {
  assignedReferral,
  auditOf,
  coordinator,
  manager,
  otherManager,
  outboxOf,
  worker,
} from "./casework-fixtures";

let setup: Awaited<ReturnType<typeof createTestContext>>;

beforeEach(async () => {
  setup = await createTestContext("2026-11-23T09:00:00.000Z");
  await seedStaff(setup.context);
});

const concern = { to: "safeguarding", note: "Bruising on her arms; says her nephew takes her pension" };

describe("escalations", () => {
  it("flags the case and the referral, queues it for the coordinator and the manager, and records an event without the note", async () => {
    const referral = await assignedReferral(setup.context);
    const { escalation, case: after } = await raiseEscalation(setup.context, worker, referral.id, concern);
    expect(escalation).toMatchObject({ ...concern, status: "open", version: 1, raisedByName: worker.name });
    expect(after.escalations).toHaveLength(1);

    expect(await readReferral(setup.context, coordinator, referral.id)).toMatchObject({
      openEscalations: ["safeguarding"],
      version: referral.version,
    });
    const expected = {
      escalationId: escalation.escalationId,
      version: 1,
      referralId: referral.id,
      reference: referral.reference,
      to: "safeguarding",
      raisedByName: worker.name,
      personName: `${referral.person.givenName} ${referral.person.familyName}`,
      organisationId: manager.organisationId,
      // Those who answer the queue read the concern they are to act on.
      note: concern.note,
    };
    expect((await listEscalations(setup.context, coordinator)).items).toEqual([
      { ...expected, raisedAt: escalation.raisedAt },
    ]);
    expect((await listEscalations(setup.context, manager)).items).toEqual([
      { ...expected, raisedAt: escalation.raisedAt },
    ]);
    expect((await listEscalations(setup.context, otherManager)).items).toEqual([]);
    await expect(listEscalations(setup.context, worker)).rejects.toMatchObject({ code: "forbidden" });

    const event = (await outboxOf(setup.context, referral.id)).find((item) => item.type === "case.escalated");
    expect(event?.data).toEqual({
      escalationId: escalation.escalationId,
      to: "safeguarding",
      organisationId: manager.organisationId,
    });
    const shown = (await auditOf(setup.context, referral.id)).filter(
      (entry) => entry.action === "escalation.queue.read",
    );
    expect(shown.map((entry) => entry.actorId).sort()).toEqual([coordinator.userId, manager.userId].sort());
  });

  it("lets a triage coordinator resolve one from the queue without seeing the case, and takes it off every queue", async () => {
    const referral = await assignedReferral(setup.context);
    const gp = await raiseEscalation(setup.context, manager, referral.id, {
      to: "gp",
      note: "Medication review",
    });
    const care = await raiseEscalation(setup.context, worker, referral.id, {
      to: "adult_social_care",
      note: "Needs help washing",
    });

    await expect(readCase(setup.context, coordinator, referral.id)).rejects.toMatchObject({
      code: "not_found",
    });
    const resolved = await resolveEscalation(
      setup.context,
      coordinator,
      referral.id,
      care.escalation.escalationId,
      {
        version: 1,
        note: "Passed to the council's duty team",
      },
    );
    expect(resolved.case).toBeUndefined();
    expect(resolved.escalation).toMatchObject({
      status: "resolved",
      version: 2,
      resolvedByName: coordinator.name,
    });
    expect(resolved.escalation.note).toBeUndefined();

    expect((await listEscalations(setup.context, coordinator)).items.map((item) => item.to)).toEqual(["gp"]);
    expect((await readReferral(setup.context, coordinator, referral.id)).openEscalations).toEqual(["gp"]);

    const byWorker = await resolveEscalation(setup.context, worker, referral.id, gp.escalation.escalationId, {
      version: 1,
      note: "GP saw her on Friday",
    });
    expect(byWorker.case?.escalations.map((item) => item.status)).toEqual(["resolved", "resolved"]);
    expect((await listEscalations(setup.context, manager)).items).toEqual([]);
    expect((await readReferral(setup.context, coordinator, referral.id)).openEscalations).toEqual([]);
  });

  it("lists every open escalation of a referral that has several, reading the referral once", async () => {
    const referral = await assignedReferral(setup.context);
    const raised = [];
    for (const to of ["gp", "adult_social_care", "safeguarding"] as const) {
      raised.push(
        (await raiseEscalation(setup.context, worker, referral.id, { to, note: "Worried" })).escalation,
      );
    }
    for (const viewer of [coordinator, manager]) {
      const { items } = await listEscalations(setup.context, viewer);
      expect(items.map((item) => [item.escalationId, item.version, item.referralId])).toEqual(
        raised.map((escalation) => [escalation.escalationId, 1, referral.id]),
      );
    }
  });

  it("gives each queue item the escalation's own version, so a coordinator resolves from the queue without guessing", async () => {
    const referral = await assignedReferral(setup.context);
    const { escalation } = await raiseEscalation(setup.context, worker, referral.id, concern);
    // The case's escalation moves on (a version the queue item itself never held): the queue follows it.
    await setup.context.db.entities.caseEscalation
      .patch({ referralId: referral.id, escalationId: escalation.escalationId })
      .set({ version: 4 })
      .go();
    const [queued] = (await listEscalations(setup.context, coordinator)).items;
    expect(queued).toMatchObject({ escalationId: escalation.escalationId, version: 4 });
    const resolved = await resolveEscalation(
      setup.context,
      coordinator,
      referral.id,
      escalation.escalationId,
      { version: queued?.version, note: "Passed to the safeguarding lead" },
    );
    expect(resolved.escalation).toMatchObject({ status: "resolved", version: 5 });
    expect((await listEscalations(setup.context, coordinator)).items).toEqual([]);
  });

  it("never lists an escalation the case has already resolved", async () => {
    const referral = await assignedReferral(setup.context);
    const { escalation } = await raiseEscalation(setup.context, worker, referral.id, concern);
    await setup.context.db.entities.caseEscalation
      .patch({ referralId: referral.id, escalationId: escalation.escalationId })
      .set({ status: "resolved", version: 2 })
      .go();
    expect((await listEscalations(setup.context, coordinator)).items).toEqual([]);
  });

  it("refuses resolving twice, or on a stale version, and another organisation's manager is told it does not exist", async () => {
    const referral = await assignedReferral(setup.context);
    const { escalation } = await raiseEscalation(setup.context, worker, referral.id, concern);
    await expect(
      resolveEscalation(setup.context, otherManager, referral.id, escalation.escalationId, {
        version: 1,
        note: "No",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    const results = await Promise.allSettled([
      resolveEscalation(setup.context, worker, referral.id, escalation.escalationId, {
        version: 1,
        note: "Done",
      }),
      resolveEscalation(setup.context, manager, referral.id, escalation.escalationId, {
        version: 1,
        note: "Done too",
      }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []))).toMatchObject([
      { code: "version_conflict", currentVersion: 2 },
    ]);
    await expect(
      resolveEscalation(setup.context, worker, referral.id, escalation.escalationId, {
        version: 2,
        note: "Again",
      }),
    ).rejects.toMatchObject({ code: "invalid_transition" });
  });

  it("refuses an escalation the coordinator or another organisation raises", async () => {
    const referral = await assignedReferral(setup.context);
    await expect(raiseEscalation(setup.context, otherManager, referral.id, concern)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(raiseEscalation(setup.context, coordinator, referral.id, concern)).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
