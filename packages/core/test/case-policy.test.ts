import { describe, expect, it } from "vitest";
import type { UserActor } from "../src/actor";
import { CaseAction } from "../src/policy/domain/actions";
import {
  answersEscalationQueue,
  type CaseFacts,
  casePolicy,
  caseRefusal,
  messageBackPolicy,
  seesOpenEscalations,
} from "../src/policy/domain/case-policy";
import type { Role } from "../src/user/role";

function user(roles: Role[], userId: string, organisationId: string): UserActor {
  return { type: "user", userId, email: `${userId}@x.test`, name: userId, roles, organisationId };
}

const states: Record<string, CaseFacts> = {
  received: { status: "received", referrerId: "usr_gp", version: 1 },
  triaged: { status: "triaged", referrerId: "usr_gp", version: 2 },
  allocated: { status: "allocated", referrerId: "usr_gp", organisationId: "org_b", version: 3 },
  accepted: { status: "accepted", referrerId: "usr_gp", organisationId: "org_b", version: 4 },
  assigned: {
    status: "assigned",
    referrerId: "usr_gp",
    organisationId: "org_b",
    assignedTo: "usr_worker",
    version: 5,
  },
  active: {
    status: "active",
    referrerId: "usr_gp",
    organisationId: "org_b",
    assignedTo: "usr_worker",
    version: 6,
  },
  closedCase: {
    status: "closed",
    referrerId: "usr_gp",
    organisationId: "org_b",
    assignedTo: "usr_worker",
    version: 7,
  },
  closedAtTriage: { status: "closed", referrerId: "usr_gp", version: 3 },
  withdrawn: { status: "withdrawn", referrerId: "usr_gp", version: 2 },
};

const actors: Record<string, UserActor> = {
  assignedWorker: user(["link_worker"], "usr_worker", "org_b"),
  colleague: user(["link_worker"], "usr_colleague", "org_b"),
  manager: user(["org_manager"], "usr_manager", "org_b"),
  otherManager: user(["org_manager"], "usr_manager_a", "org_a"),
  otherWorker: user(["link_worker"], "usr_worker_a", "org_a"),
  coordinator: user(["triage_coordinator"], "usr_coordinator", "org_hub"),
  referrer: user(["referrer"], "usr_gp", "org_practice"),
  commissioner: user(["commissioner"], "usr_commissioner", "org_council"),
  mdtMember: user(["mdt_member"], "usr_member", "org_council"),
  admin: user(["admin"], "usr_admin", "org_hub"),
};

const worker =
  "record_contact update_plan record_measure record_connection escalate resolve_escalation close";
const manager = "escalate resolve_escalation close";

/*
 * The oracle, written by hand from the design and API.md, not derived from the policy: "x" is no
 * case to see (404), otherwise what the person may do to it now.
 */
const grid = `
              | received | triaged | allocated | accepted | assigned   | active     | closedCase                | closedAtTriage | withdrawn
assignedWorker| x        | x       | x         | x        | ${worker}  | ${worker}  | resolve_escalation reopen | x              | x
colleague     | x        | x       | x         | x        | x          | x          | x                         | x              | x
manager       | x        | x       | x         | x        | ${manager} | ${manager} | resolve_escalation reopen | x              | x
otherManager  | x        | x       | x         | x        | x          | x          | x                         | x              | x
otherWorker   | x        | x       | x         | x        | x          | x          | x                         | x              | x
coordinator   | x        | x       | x         | x        | x          | x          | x                         | x              | x
referrer      | x        | x       | x         | x        | x          | x          | x                         | x              | x
commissioner  | x        | x       | x         | x        | x          | x          | x                         | x              | x
mdtMember     | x        | x       | x         | x        | x          | x          | x                         | x              | x
admin         | x        | x       | x         | x        | x          | x          | x                         | x              | x
`;

type Expected = { visible: false } | { visible: true; actions: string[] };

function parse(table: string): Map<string, Expected> {
  const [header, ...rows] = table.trim().split("\n");
  const heads = (header ?? "")
    .split("|")
    .slice(1)
    .map((cell) => cell.trim());
  expect(heads).toEqual(Object.keys(states));
  const expectations = new Map<string, Expected>();
  for (const row of rows) {
    const [name, ...cells] = row.split("|").map((cell) => cell.trim());
    cells.forEach((cell, index) => {
      expectations.set(
        `${name} ${heads[index]}`,
        cell === "x" ? { visible: false } : { visible: true, actions: cell.split(/\s+/).sort() },
      );
    });
  }
  expect(expectations.size).toBe(Object.keys(actors).length * Object.keys(states).length);
  return expectations;
}

describe("who may see and work on a case (the case policy against a written table)", () => {
  const expected = parse(grid);

  it("shows the case to its link worker and their manager only, with what each may do now", () => {
    for (const [name, actor] of Object.entries(actors)) {
      for (const [state, facts] of Object.entries(states)) {
        const decision = casePolicy(actor, facts);
        const actual: Expected = decision.visible
          ? { visible: true, actions: [...decision.allowedActions].sort() }
          : { visible: false };
        expect({ who: `${name} ${state}`, ...actual }).toEqual({
          who: `${name} ${state}`,
          ...expected.get(`${name} ${state}`),
        });
        if (decision.visible) expect(decision.purpose).toBeTruthy();
      }
    }
  });

  it("refuses every action the table does not give: 404 unseen, 403 by standing, 409 by status", () => {
    for (const [name, actor] of Object.entries(actors)) {
      for (const [state, facts] of Object.entries(states)) {
        const wanted = expected.get(`${name} ${state}`);
        for (const action of CaseAction.options) {
          const refusal = caseRefusal(actor, facts, action);
          const who = `${name} ${state} ${action}`;
          if (!wanted?.visible) {
            expect({ who, code: refusal?.code }).toEqual({ who, code: "not_found" });
          } else if (wanted.actions.includes(action)) {
            expect({ who, refusal }).toEqual({ who, refusal: undefined });
          } else {
            expect({ who, code: refusal?.code }).toEqual({
              who,
              code: expect.stringMatching(/^(forbidden|invalid_transition)$/),
            });
          }
        }
      }
    }
  });

  it("tells the manager that only the worker records a contact, and a closed case that it must be reopened", () => {
    expect(
      caseRefusal(actors.manager as UserActor, states.active as CaseFacts, "record_contact"),
    ).toMatchObject({
      code: "forbidden",
      message: "Only the link worker the case is assigned to can record this",
    });
    expect(
      caseRefusal(actors.assignedWorker as UserActor, states.closedCase as CaseFacts, "record_contact"),
    ).toMatchObject({
      code: "invalid_transition",
      currentVersion: 7,
      message: "This case is closed: reopen it to record anything more",
    });
    expect(
      caseRefusal(actors.assignedWorker as UserActor, states.closedCase as CaseFacts, "close"),
    ).toMatchObject({
      code: "invalid_transition",
    });
  });

  it("stops showing a case to the worker it moved away from", () => {
    const moved = { ...(states.active as CaseFacts), assignedTo: "usr_colleague" };
    expect(casePolicy(actors.assignedWorker as UserActor, moved).visible).toBe(false);
    expect(casePolicy(actors.colleague as UserActor, moved).allowedActions).toContain("record_contact");
  });

  it("gives a manager who also carries cases both standings on their own case", () => {
    const both = user(["org_manager", "link_worker"], "usr_worker", "org_b");
    expect(casePolicy(both, states.active as CaseFacts).allowedActions.sort()).toEqual(
      worker.split(" ").sort(),
    );
  });
});

describe("who reads the message back and sees open escalations", () => {
  const messageBack: Record<string, string[]> = {
    closedCase: ["assignedWorker", "manager", "coordinator", "referrer"],
    closedAtTriage: [],
    active: [],
  };

  it.each(Object.entries(messageBack))("%s: %j", (state, readers) => {
    for (const [name, actor] of Object.entries(actors)) {
      expect({ name, visible: messageBackPolicy(actor, states[state] as CaseFacts).visible }).toEqual({
        name,
        visible: readers.includes(name),
      });
    }
  });

  it("gives a GP who is also an MDT member the message back for their own referral only", () => {
    const gp = user(["referrer", "mdt_member"], "usr_gp", "org_practice");
    expect(messageBackPolicy(gp, states.closedCase as CaseFacts).visible).toBe(true);
    expect(messageBackPolicy(actors.mdtMember as UserActor, states.closedCase as CaseFacts).visible).toBe(
      false,
    );
  });

  it("shows open escalations to the case's worker and manager and to triage coordinators", () => {
    const seeing = Object.entries(actors)
      .filter(([, actor]) => seesOpenEscalations(actor, states.active as CaseFacts))
      .map(([name]) => name);
    expect(seeing.sort()).toEqual(["assignedWorker", "coordinator", "manager"]);
  });
});

describe("who answers the area's escalation queue", () => {
  it("is triage coordinators alone, who never see the case itself", () => {
    const answering = Object.entries(actors)
      .filter(([, actor]) => answersEscalationQueue(actor))
      .map(([name]) => name);
    expect(answering).toEqual(["coordinator"]);
    expect(casePolicy(actors.coordinator as UserActor, states.active as CaseFacts).visible).toBe(false);
  });
});
