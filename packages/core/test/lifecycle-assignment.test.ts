import { describe, expect, it } from "vitest";
import {
  type Command,
  decide,
  type NamedLinkWorker,
  type Performer,
  type ReferralState,
} from "../src/referral/domain/lifecycle";

const at = new Date("2026-11-23T10:00:00Z");

const manager: Performer = {
  kind: "user",
  userId: "usr_manager",
  roles: ["org_manager"],
  organisationId: "org_a",
};
const otherManager: Performer = {
  kind: "user",
  userId: "usr_manager_b",
  roles: ["org_manager"],
  organisationId: "org_b",
};
const worker: Performer = {
  kind: "user",
  userId: "usr_ada",
  roles: ["link_worker"],
  organisationId: "org_a",
};
const coordinator: Performer = {
  kind: "user",
  userId: "usr_coordinator",
  roles: ["triage_coordinator"],
  organisationId: "org_hub",
};

const accepted: ReferralState = {
  status: "accepted",
  version: 4,
  consent: { shareWithProviders: true },
  needs: ["loneliness_isolation"],
  riskFlags: [],
  priority: "soon",
  organisationId: "org_a",
  referrerId: "usr_gp",
  triagedAt: "2026-11-20T10:00:00.000Z",
  allocatedAt: "2026-11-21T10:00:00.000Z",
  acceptedAt: "2026-11-22T10:00:00.000Z",
  updatedAt: "2026-11-22T10:00:00.000Z",
};

const active: ReferralState = {
  ...accepted,
  status: "active",
  version: 6,
  assignedTo: "usr_ada",
  assignedToName: "Ada Link",
  assignedAt: "2026-11-22T11:00:00.000Z",
  firstContactAt: "2026-11-22T12:00:00.000Z",
};

const ben: NamedLinkWorker = { organisationId: "org_a", roles: ["link_worker"], active: true };
const assignToBen = {
  type: "assign",
  linkWorkerId: "usr_ben",
  linkWorkerName: "Ben Link",
  linkWorker: ben,
} satisfies Command;
const moveToBen = {
  type: "reassign",
  linkWorkerId: "usr_ben",
  linkWorkerName: "Ben Link",
  linkWorker: ben,
  reason: "Ada is on leave for a month",
} satisfies Command;

function decided(state: ReferralState, command: Command, performer: Performer) {
  const outcome = decide(state, command, performer, at);
  if (!outcome.ok) throw outcome.error;
  return outcome.decision;
}

function refused(state: ReferralState, command: Command, performer: Performer) {
  const outcome = decide(state, command, performer, at);
  if (outcome.ok) throw new Error(`${command.type} was allowed`);
  return outcome.error;
}

describe("a manager assigning an accepted referral", () => {
  it("puts it on the named worker's caseload, taking one place there, and records who", () => {
    const decision = decided(accepted, assignToBen, manager);
    expect(decision.next).toMatchObject({
      status: "assigned",
      assignedTo: "usr_ben",
      assignedToName: "Ben Link",
      assignedAt: at.toISOString(),
      version: 5,
    });
    expect(decision.caseload).toEqual([{ userId: "usr_ben", delta: 1 }]);
    expect(decision.event).toEqual({
      type: "referral.assigned",
      data: { organisationId: "org_a", linkWorkerId: "usr_ben" },
    });
  });

  it("is the organisation's manager's alone: not a link worker, not another organisation's manager", () => {
    expect(refused(accepted, assignToBen, worker).code).toBe("forbidden");
    expect(refused(accepted, assignToBen, otherManager).code).toBe("forbidden");
    expect(refused(accepted, assignToBen, coordinator).code).toBe("forbidden");
  });

  it("takes only an active link worker of the referral's organisation, naming the field to correct", () => {
    const named = (linkWorker: NamedLinkWorker | undefined) =>
      refused(accepted, { ...assignToBen, linkWorker }, manager);
    for (const linkWorker of [
      undefined,
      { ...ben, organisationId: "org_b" },
      { ...ben, roles: ["org_manager" as const] },
    ]) {
      expect(named(linkWorker)).toMatchObject({
        code: "validation_failed",
        details: [{ path: "linkWorkerId", message: "Choose a link worker from your organisation" }],
      });
    }
    expect(named({ ...ben, active: false })).toMatchObject({
      code: "validation_failed",
      details: [
        { path: "linkWorkerId", message: "Ben Link is no longer active: choose another link worker" },
      ],
    });
    expect(
      refused(active, { ...moveToBen, linkWorker: { ...ben, organisationId: "org_b" } }, manager).code,
    ).toBe("validation_failed");
  });

  it("refuses another organisation's manager before it looks at whom they name", () => {
    expect(refused(accepted, { ...assignToBen, linkWorker: undefined }, otherManager).code).toBe("forbidden");
  });

  it("is only for a referral waiting to be picked up: one already held is moved, not assigned", () => {
    expect(refused(active, assignToBen, manager)).toMatchObject({
      code: "invalid_transition",
      currentVersion: 6,
    });
    expect(refused({ ...accepted, status: "allocated" }, assignToBen, manager).code).toBe(
      "invalid_transition",
    );
  });
});

describe("a manager moving a case to another worker", () => {
  it("releases the old worker's place before taking the new one's, and keeps the case where it is", () => {
    const decision = decided(active, moveToBen, manager);
    expect(decision.caseload).toEqual([
      { userId: "usr_ada", delta: -1 },
      { userId: "usr_ben", delta: 1 },
    ]);
    expect(decision.next).toMatchObject({
      status: "active",
      assignedTo: "usr_ben",
      assignedToName: "Ben Link",
      firstContactAt: active.firstContactAt,
    });
    expect(decision.event).toEqual({
      type: "referral.reassigned",
      data: { fromLinkWorkerId: "usr_ada", linkWorkerId: "usr_ben", reason: "Ada is on leave for a month" },
    });
  });

  it("moves an assigned case not yet contacted too", () => {
    const assigned = { ...active, status: "assigned" as const, firstContactAt: undefined };
    expect(decided(assigned, moveToBen, manager).next.status).toBe("assigned");
  });

  it("refuses a move to the worker who already holds it, naming them", () => {
    const error = refused(
      active,
      { ...moveToBen, linkWorkerId: "usr_ada", linkWorkerName: "Ada Link" },
      manager,
    );
    expect(error).toMatchObject({ code: "invalid_transition", currentVersion: 6 });
    expect(error.message).toContain("Ada Link");
  });

  it("is the manager's: the worker cannot hand their own case on", () => {
    expect(refused(active, moveToBen, worker).code).toBe("forbidden");
    expect(refused(active, moveToBen, otherManager).code).toBe("forbidden");
  });

  it("leaves closed cases alone", () => {
    expect(refused({ ...active, status: "closed" }, moveToBen, manager).code).toBe("invalid_transition");
  });
});

describe("returning a referral to triage (re-allocation)", () => {
  const back: Command = { type: "return_to_triage", reason: "Needs a specialist housing service" };

  it("takes a case back from the organisation, releasing the worker's place and clearing who held it", () => {
    const decision = decided(active, back, manager);
    expect(decision.caseload).toEqual([{ userId: "usr_ada", delta: -1 }]);
    const { next } = decision;
    expect(next.status).toBe("triaged");
    for (const field of [
      "organisationId",
      "assignedTo",
      "assignedToName",
      "allocatedAt",
      "acceptedAt",
      "assignedAt",
      "firstContactAt",
    ] as const) {
      expect({ field, value: next[field] }).toEqual({ field, value: undefined });
    }
    expect(next.triagedAt).toBe(active.triagedAt);
    expect(decision.event).toEqual({
      type: "referral.returned_to_triage",
      data: { organisationId: "org_a", reason: "Needs a specialist housing service" },
    });
  });

  it("takes an accepted referral nobody holds yet back without touching any caseload", () => {
    expect(decided(accepted, back, coordinator).caseload).toEqual([]);
  });

  it("is for a triage coordinator or the organisation's manager", () => {
    expect(decided(active, back, coordinator).next.status).toBe("triaged");
    expect(refused(active, back, worker).code).toBe("forbidden");
    expect(refused(active, back, otherManager).code).toBe("forbidden");
  });

  it("is only from accepted, assigned or active", () => {
    for (const status of ["received", "triaged", "allocated", "closed", "withdrawn"] as const) {
      expect({ status, code: refused({ ...active, status }, back, coordinator).code }).toEqual({
        status,
        code: "invalid_transition",
      });
    }
  });
});

describe("closing with a summary", () => {
  it("keeps the summary on the referral for the message back, and a reopen clears it for the next closure", () => {
    const closed = decided(
      active,
      { type: "close", reason: "connected_to_services", summary: "Goes to the walking group weekly" },
      worker,
    ).next;
    expect(closed).toMatchObject({ status: "closed", closureSummary: "Goes to the walking group weekly" });
    const reopened = decided(closed, { type: "reopen", reason: "Asked for more help" }, worker).next;
    expect(reopened.closureSummary).toBeUndefined();
    expect(reopened.status).toBe("active");
  });
});
