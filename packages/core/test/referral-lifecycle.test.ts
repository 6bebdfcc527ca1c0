import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Command,
  caseloadStatuses,
  decide,
  type Performer,
  type ReferralState,
} from "../src/referral/domain/lifecycle";
import type { ReferralStatus } from "../src/referral/schema";

const at = new Date("2026-11-23T10:00:00Z");

const performers = {
  coordinator: {
    kind: "user",
    userId: "usr_coordinator",
    roles: ["triage_coordinator"],
    organisationId: "org_hub",
  },
  managerA: { kind: "user", userId: "usr_manager_a", roles: ["org_manager"], organisationId: "org_a" },
  managerB: { kind: "user", userId: "usr_manager_b", roles: ["org_manager"], organisationId: "org_b" },
  workerA1: { kind: "user", userId: "usr_worker_a1", roles: ["link_worker"], organisationId: "org_a" },
  workerA2: { kind: "user", userId: "usr_worker_a2", roles: ["link_worker"], organisationId: "org_a" },
  workerB: { kind: "user", userId: "usr_worker_b", roles: ["link_worker"], organisationId: "org_b" },
  referrer: {
    kind: "user",
    userId: "usr_gp",
    roles: ["referrer", "mdt_member"],
    organisationId: "org_practice",
  },
  otherReferrer: { kind: "user", userId: "usr_gp2", roles: ["referrer"], organisationId: "org_practice" },
  commissioner: {
    kind: "user",
    userId: "usr_commissioner",
    roles: ["commissioner"],
    organisationId: "org_council",
  },
  system: { kind: "system" },
} satisfies Record<string, Performer>;

const workers = [performers.workerA1, performers.workerA2, performers.workerB].map((worker) => worker.userId);

function received(overrides: Partial<ReferralState> = {}): ReferralState {
  return {
    status: "received",
    version: 1,
    consent: { shareWithProviders: true },
    needs: ["loneliness_isolation"],
    riskFlags: [],
    referrerId: "usr_gp",
    updatedAt: at.toISOString(),
    ...overrides,
  };
}

const triage: Command = {
  type: "triage",
  priority: "soon",
  supportLevel: "supported_connection",
  needs: ["loneliness_isolation", "housing"],
  riskFlags: ["lives_alone"],
};

/** Runs commands, failing the test at the first refusal. */
function run(start: ReferralState, ...steps: [Command, Performer][]) {
  return steps.reduce((state, [command, performer]) => {
    const outcome = decide(state, command, performer, at);
    if (!outcome.ok) throw outcome.error;
    return outcome.decision.next;
  }, start);
}

function refusal(state: ReferralState, command: Command, performer: Performer) {
  const outcome = decide(state, command, performer, at);
  if (outcome.ok) throw new Error(`${command.type} was allowed`);
  return outcome.error;
}

describe("the referral lifecycle", () => {
  it("follows the whole journey from received to closed, one version per change", () => {
    const steps: [Command, Performer][] = [
      [triage, performers.coordinator],
      [{ type: "allocate", organisationId: "org_a" }, performers.coordinator],
      [{ type: "accept" }, performers.managerA],
      [{ type: "claim" }, performers.workerA1],
      [{ type: "record_first_contact" }, performers.workerA1],
      [
        { type: "close", reason: "connected_to_services", summary: "Joined the walking group" },
        performers.workerA1,
      ],
    ];
    let state = received();
    const statuses: ReferralStatus[] = [];
    for (const [command, performer] of steps) {
      const outcome = decide(state, command, performer, at);
      if (!outcome.ok) throw outcome.error;
      expect(outcome.decision.next.version).toBe(state.version + 1);
      state = outcome.decision.next;
      statuses.push(state.status);
    }
    expect(statuses).toEqual(["triaged", "allocated", "accepted", "assigned", "active", "closed"]);
    expect(state).toMatchObject({
      assignedTo: "usr_worker_a1",
      organisationId: "org_a",
      closureReason: "connected_to_services",
      closureSummary: "Joined the walking group",
    });
  });

  it("returns a declined allocation to triage with its reason, and clears the organisation", () => {
    const allocated = run(
      received(),
      [triage, performers.coordinator],
      [{ type: "allocate", organisationId: "org_a" }, performers.coordinator],
    );
    const outcome = decide(
      allocated,
      { type: "decline", reason: "No capacity this month" },
      performers.managerA,
      at,
    );
    expect(outcome.ok && outcome.decision.next).toMatchObject({
      status: "triaged",
      organisationId: undefined,
    });
    expect(outcome.ok && outcome.decision.event).toEqual({
      type: "referral.declined",
      data: { organisationId: "org_a", reason: "No capacity this month" },
    });
  });

  it("lets only the timer return an overdue allocation", () => {
    const allocated = run(
      received(),
      [triage, performers.coordinator],
      [{ type: "allocate", organisationId: "org_a" }, performers.coordinator],
    );
    expect(refusal(allocated, { type: "expire_allocation" }, performers.coordinator).code).toBe("forbidden");
    expect(run(allocated, [{ type: "expire_allocation" }, performers.system]).status).toBe("triaged");
  });

  it("closes a referral at triage as signposted", () => {
    const closed = run(received(), [
      { type: "signpost", note: "Given details of the lunch club" },
      performers.coordinator,
    ]);
    expect(closed).toMatchObject({ status: "closed", closureReason: "signposted" });
  });

  it("will not allocate without the person's consent to share", () => {
    const triaged = run(received({ consent: { shareWithProviders: false } }), [
      triage,
      performers.coordinator,
    ]);
    const error = refusal(triaged, { type: "allocate", organisationId: "org_a" }, performers.coordinator);
    expect(error.code).toBe("invalid_transition");
    expect(error.message).toMatch(/not agreed to share/);
  });

  it("refuses roles that may never make a change with forbidden, and wrong states with invalid_transition", () => {
    expect(refusal(received(), triage, performers.commissioner).code).toBe("forbidden");
    expect(refusal(received(), triage, performers.workerA1).code).toBe("forbidden");
    const error = refusal(received(), { type: "accept" }, performers.managerA);
    expect(error.code).toBe("forbidden");
    const allocated = run(
      received(),
      [triage, performers.coordinator],
      [{ type: "allocate", organisationId: "org_a" }, performers.coordinator],
    );
    expect(refusal(allocated, { type: "claim" }, performers.workerA1)).toMatchObject({
      code: "invalid_transition",
      currentVersion: 3,
    });
  });

  it("keeps another organisation's staff from accepting, declining or claiming", () => {
    const allocated = run(
      received(),
      [triage, performers.coordinator],
      [{ type: "allocate", organisationId: "org_a" }, performers.coordinator],
    );
    expect(refusal(allocated, { type: "accept" }, performers.managerB).code).toBe("forbidden");
    expect(refusal(allocated, { type: "decline", reason: "x" }, performers.workerB).code).toBe("forbidden");
  });

  it("tells the second link worker to claim that the case is already taken", () => {
    const accepted = run(
      received(),
      [triage, performers.coordinator],
      [{ type: "allocate", organisationId: "org_a" }, performers.coordinator],
      [{ type: "accept" }, performers.managerA],
    );
    const claimed = run(accepted, [{ type: "claim" }, performers.workerA1]);
    expect(refusal(claimed, { type: "claim" }, performers.workerA2)).toMatchObject({
      code: "already_claimed",
      currentVersion: 5,
    });
  });

  it("counts a claim against the link worker's caseload and releases it on closing", () => {
    const accepted = run(
      received(),
      [triage, performers.coordinator],
      [{ type: "allocate", organisationId: "org_a" }, performers.coordinator],
      [{ type: "accept" }, performers.managerA],
    );
    const claim = decide(accepted, { type: "claim" }, performers.workerA1, at);
    expect(claim.ok && claim.decision.caseload).toEqual([{ userId: "usr_worker_a1", delta: 1 }]);
    const assigned = run(accepted, [{ type: "claim" }, performers.workerA1]);
    const close = decide(
      assigned,
      { type: "close", reason: "unable_to_contact", summary: "Three calls, no answer" },
      performers.managerA,
      at,
    );
    expect(close.ok && close.decision.caseload).toEqual([{ userId: "usr_worker_a1", delta: -1 }]);
  });

  it("lets only the referrer or a coordinator withdraw, and only before triage", () => {
    expect(run(received(), [{ type: "withdraw", reason: "Moved away" }, performers.referrer]).status).toBe(
      "withdrawn",
    );
    expect(refusal(received(), { type: "withdraw", reason: "x" }, performers.otherReferrer).code).toBe(
      "forbidden",
    );
    const triaged = run(received(), [triage, performers.coordinator]);
    expect(refusal(triaged, { type: "withdraw", reason: "x" }, performers.referrer).code).toBe(
      "invalid_transition",
    );
  });
});

/**
 * The lifecycle diagram, plus closing an assigned case the person could not be reached for, moving
 * a case between workers (assigned>assigned, active>active) and returning it to triage.
 */
const diagram = new Set([
  "received>triaged",
  "received>closed",
  "received>withdrawn",
  "triaged>triaged",
  "triaged>allocated",
  "triaged>closed",
  "allocated>accepted",
  "allocated>triaged",
  "accepted>assigned",
  "accepted>triaged",
  "assigned>assigned",
  "assigned>active",
  "assigned>triaged",
  "active>active",
  "active>triaged",
  "assigned>closed",
  "active>closed",
  "closed>active",
  "closed>triaged",
]);

const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  fc.constant(triage),
  fc.constant<Command>({ type: "signpost" }),
  fc.constantFrom<Command>(
    { type: "allocate", organisationId: "org_a" },
    { type: "allocate", organisationId: "org_b" },
  ),
  fc.constant<Command>({ type: "accept" }),
  fc.constant<Command>({ type: "decline", reason: "Not for us" }),
  fc.constant<Command>({ type: "expire_allocation" }),
  fc.constant<Command>({ type: "claim" }),
  fc.constant<Command>({ type: "record_first_contact" }),
  fc.constantFrom(performers.workerA1, performers.workerA2, performers.workerB).map<Command>((worker) => ({
    type: "assign",
    linkWorkerId: worker.userId,
    linkWorkerName: worker.userId,
    linkWorker: { ...worker, active: true },
  })),
  fc.constantFrom(performers.workerA1, performers.workerA2, performers.workerB).map<Command>((worker) => ({
    type: "reassign",
    linkWorkerId: worker.userId,
    linkWorkerName: worker.userId,
    linkWorker: { ...worker, active: true },
    reason: "Annual leave",
  })),
  fc.constant<Command>({ type: "return_to_triage", reason: "Needs a specialist service" }),
  fc.constantFrom<Command>(
    { type: "close", reason: "goals_met", summary: "Goals met" },
    { type: "close", reason: "unable_to_contact", summary: "Not reached" },
  ),
  fc.constant<Command>({ type: "reopen", reason: "Needs more support" }),
  fc.constant<Command>({ type: "withdraw", reason: "No longer needed" }),
);

const anyone = Object.values(performers) as Performer[];

/**
 * A step names a referral, a command and how to pick who gives it: usually someone for whom it
 * would succeed (so deep states are reached), sometimes anyone at all (so refusals are exercised).
 */
const stepArbitrary = fc.record({
  index: fc.integer({ min: 0, max: 2 }),
  command: commandArbitrary,
  fitting: fc.boolean().chain((coin) => (coin ? fc.constant(true) : fc.boolean())),
  pick: fc.nat(),
});

function performerFor(state: ReferralState, step: { command: Command; fitting: boolean; pick: number }) {
  const fitting = step.fitting
    ? anyone.filter((performer) => decide(state, step.command, performer, at).ok)
    : [];
  const pool = fitting.length > 0 ? fitting : anyone;
  return pool[step.pick % pool.length] as Performer;
}

describe("the lifecycle under any sequence of commands", () => {
  it("keeps its invariants", () => {
    const reached = new Set<ReferralStatus>();
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 30, maxLength: 120 }), (steps) => {
        const referrals = [received(), received(), received({ consent: { shareWithProviders: false } })];
        const caseload = new Map(workers.map((worker) => [worker, 0]));
        for (const step of steps) {
          const before = referrals[step.index] as ReferralState;
          const outcome = decide(before, step.command, performerFor(before, step), at);
          if (!outcome.ok) continue;
          const { next, caseload: change } = outcome.decision;

          expect(diagram.has(`${before.status}>${next.status}`)).toBe(true);
          expect(next.version).toBe(before.version + 1);
          // Only a manager's move changes who holds a case; anything else keeps the worker or lets go.
          if (before.assignedTo && next.assignedTo && step.command.type !== "reassign") {
            expect(next.assignedTo).toBe(before.assignedTo);
          }
          if (next.status === "triaged") {
            expect([next.organisationId, next.assignedTo]).toEqual([undefined, undefined]);
          }
          for (const { userId, delta } of change) caseload.set(userId, (caseload.get(userId) ?? 0) + delta);
          referrals[step.index] = next;
          reached.add(next.status);

          for (const worker of workers) {
            const held = referrals.filter(
              (referral) => referral.assignedTo === worker && caseloadStatuses.includes(referral.status),
            ).length;
            expect(caseload.get(worker)).toBe(held);
          }
        }
      }),
      { numRuns: 500 },
    );
    // The generator must reach every status, or the invariants above were never really tested.
    expect([...reached].sort()).toEqual(
      ["accepted", "active", "allocated", "assigned", "closed", "triaged", "withdrawn"].sort(),
    );
    // Hundreds of thousands of decisions: room for a machine shared with other work.
  }, 30_000);

  it("changes nothing when it refuses", () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 10, maxLength: 60 }), (steps) => {
        let state = received();
        for (const step of steps) {
          const snapshot = structuredClone(state);
          const outcome = decide(state, step.command, performerFor(state, step), at);
          if (outcome.ok) state = outcome.decision.next;
          else expect(state).toEqual(snapshot);
        }
      }),
    );
  });
});
