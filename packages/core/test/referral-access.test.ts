import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { UserActor } from "../src/actor";
import type { Context } from "../src/context";
import { type AgendaLookup, referralRelationships } from "../src/policy";
import { ReferralAction } from "../src/policy/domain/actions";
import {
  mayEver,
  type ReferralFacts,
  type ReferralNeed,
  referralPolicy,
} from "../src/policy/domain/referral-policy";
import { noRelationships, type Relationships } from "../src/policy/domain/relationships";
import { type Command, decide } from "../src/referral/domain/lifecycle";
import { type Referral, ReferralStatus } from "../src/referral/schema";
import { referralFor } from "../src/referral/view";
import { Role } from "../src/user/role";

function user(roles: Role[], overrides: Partial<UserActor> = {}): UserActor {
  return {
    type: "user",
    userId: "usr_a",
    email: "a@x.test",
    name: "A",
    roles,
    organisationId: "org_a",
    ...overrides,
  };
}

const referral = {
  status: "assigned" as const,
  organisationId: "org_b",
  referrerId: "usr_b",
  assignedTo: "usr_c",
};

const onAgenda: Relationships = {
  memberOf: [],
  agenda: { mdtId: "mdt_1", meetingId: "mtg_1", until: "9999-12-31T00:00:00.000Z" },
};

const visible = (actor: UserActor, facts: ReferralFacts, relationships = noRelationships) =>
  referralPolicy(actor, facts, relationships).visible;

describe("who may see a referral", () => {
  it("lets a triage coordinator see any referral, for triage", () => {
    expect(referralPolicy(user(["triage_coordinator"]), referral, noRelationships)).toMatchObject({
      visible: true,
      purpose: "Triage and allocation",
    });
  });

  it("lets the manager of the organisation it is allocated to see it", () => {
    expect(visible(user(["org_manager"], { organisationId: "org_b" }), referral)).toBe(true);
    expect(visible(user(["org_manager"], { organisationId: "org_a" }), referral)).toBe(false);
  });

  it("shows link workers their organisation's incoming and ready queue, not colleagues' cases", () => {
    const colleague = user(["link_worker"], { organisationId: "org_b" });
    for (const status of ReferralStatus.options) {
      const expected = status === "allocated" || status === "accepted";
      expect(visible(colleague, { ...referral, status })).toBe(expected);
    }
    expect(
      visible(user(["link_worker"], { organisationId: "org_a" }), { ...referral, status: "accepted" }),
    ).toBe(false);
  });

  it("lets the link worker it is assigned to see it", () => {
    expect(
      referralPolicy(user(["link_worker"], { userId: "usr_c" }), referral, noRelationships),
    ).toMatchObject({
      visible: true,
      purpose: "On the link worker's caseload",
    });
  });

  it("lets the referrer see their own referral and no one else's", () => {
    expect(visible(user(["referrer"], { userId: "usr_b" }), referral)).toBe(true);
    expect(visible(user(["referrer"]), referral)).toBe(false);
  });

  it("never lets commissioners or admins open a person's record by role", () => {
    expect(mayEver(user(["commissioner"]), "read", noRelationships)).toBe(false);
    expect(mayEver(user(["admin"]), "read", noRelationships)).toBe(false);
    expect(mayEver(user(["admin", "triage_coordinator"]), "read", noRelationships)).toBe(true);
  });

  it("names the agenda listing as the purpose when that is the only relationship", () => {
    expect(referralPolicy(user(["link_worker"]), referral, onAgenda)).toMatchObject({
      visible: true,
      purpose: "On the agenda of MDT meeting mtg_1",
    });
  });

  it("grants nothing without a relationship, whatever else the user holds", () => {
    const ids = fc.constantFrom("usr_a", "usr_b", "usr_c", "usr_d");
    const organisations = fc.constantFrom("org_a", "org_b", "org_c");
    fc.assert(
      fc.property(
        fc.subarray(Role.options.filter((role) => role !== "triage_coordinator")),
        ids,
        organisations,
        fc.record({
          status: fc.constantFrom(...ReferralStatus.options),
          organisationId: fc.option(organisations, { nil: undefined }),
          referrerId: fc.option(ids, { nil: undefined }),
          assignedTo: fc.option(ids, { nil: undefined }),
        }),
        fc.boolean(),
        (roles, userId, organisationId, facts, listed) => {
          const actor = user(roles, { userId, organisationId });
          const ofOrganisation = facts.organisationId === organisationId;
          const related =
            (roles.includes("link_worker") && facts.assignedTo === userId) ||
            (roles.includes("org_manager") && ofOrganisation) ||
            (roles.includes("link_worker") &&
              ofOrganisation &&
              ["allocated", "accepted"].includes(facts.status)) ||
            ((roles.includes("referrer") || roles.includes("mdt_member")) && facts.referrerId === userId) ||
            listed;
          const decision = referralPolicy(actor, facts, listed ? onAgenda : noRelationships);
          expect(decision.visible).toBe(related);
          if (!related) expect(decision.allowedActions).toEqual([]);
        },
      ),
    );
  });
});

/*
 * The oracle: what each person may do to the same referral at each step, written out by hand from
 * API.md and DOMAIN.md rather than derived from the policy. "x" is not visible (404); "-" is
 * visible with nothing to do; otherwise the actions, in any order.
 */
const states: Record<string, ReferralFacts> = {
  received: { status: "received", referrerId: "usr_b" },
  triaged: { status: "triaged", referrerId: "usr_b" },
  allocated: { status: "allocated", referrerId: "usr_b", organisationId: "org_b" },
  accepted: { status: "accepted", referrerId: "usr_b", organisationId: "org_b" },
  assigned: { status: "assigned", referrerId: "usr_b", organisationId: "org_b", assignedTo: "usr_c" },
  active: { status: "active", referrerId: "usr_b", organisationId: "org_b", assignedTo: "usr_c" },
  closedCase: { status: "closed", referrerId: "usr_b", organisationId: "org_b", assignedTo: "usr_c" },
  closedAtTriage: { status: "closed", referrerId: "usr_b" },
  withdrawn: { status: "withdrawn", referrerId: "usr_b" },
};

const actors: Record<string, UserActor> = {
  coordinator: user(["triage_coordinator"], { userId: "usr_coordinator", organisationId: "org_hub" }),
  managerOfB: user(["org_manager"], { userId: "usr_manager_b", organisationId: "org_b" }),
  managerOfA: user(["org_manager"], { userId: "usr_manager_a", organisationId: "org_a" }),
  assignedWorker: user(["link_worker"], { userId: "usr_c", organisationId: "org_b" }),
  colleagueWorker: user(["link_worker"], { userId: "usr_d", organisationId: "org_b" }),
  otherWorker: user(["link_worker"], { userId: "usr_e", organisationId: "org_a" }),
  referrer: user(["referrer"], { userId: "usr_b", organisationId: "org_practice" }),
  referringGp: user(["referrer", "mdt_member"], { userId: "usr_b", organisationId: "org_practice" }),
  otherGp: user(["referrer", "mdt_member"], { userId: "usr_gp", organisationId: "org_practice" }),
  commissioner: user(["commissioner"], { userId: "usr_commissioner", organisationId: "org_council" }),
  admin: user(["admin"], { userId: "usr_admin", organisationId: "org_hub" }),
};

const columns = Object.keys(states);

const worker = "read_case record_contact update_plan record_measure record_connection escalate";
const manager = "read_case escalate";

const withoutListing = `
              | received                 | triaged                  | allocated      | accepted                | assigned                                                      | active                                   | closedCase                        | closedAtTriage | withdrawn
coordinator   | triage signpost withdraw | triage signpost allocate | -              | return_to_triage        | return_to_triage                                              | return_to_triage                         | read_message_back                 | reopen         | -
managerOfB    | x                        | x                        | accept decline | assign return_to_triage | close reassign return_to_triage ${manager}                    | close reassign return_to_triage ${manager} | reopen read_case read_message_back | x              | x
managerOfA    | x                        | x                        | x              | x                       | x                                                             | x                                        | x                                 | x              | x
assignedWorker| x                        | x                        | accept decline | claim                   | record_first_contact close ${worker}                          | close ${worker}                          | reopen read_case read_message_back | x              | x
colleagueWorker| x                       | x                        | accept decline | claim                   | x                                                             | x                                        | x                                 | x              | x
otherWorker   | x                        | x                        | x              | x                       | x                                                             | x                                        | x                                 | x              | x
referrer      | withdraw                 | -                        | -              | -                       | -                                                             | -                                        | read_message_back                 | -              | -
referringGp   | withdraw                 | -                        | -              | -                       | -                                                             | -                                        | read_message_back                 | -              | -
otherGp       | x                        | x                        | x              | x                       | x                                                             | x                                        | x                                 | x              | x
commissioner  | x                        | x                        | x              | x                       | x                                                             | x                                        | x                                 | x              | x
admin         | x                        | x                        | x              | x                       | x                                                             | x                                        | x                                 | x              | x
`;

/**
 * The same people when the person is on an agenda of a meeting of an MDT they belong to: the
 * listing gives reading, triage and allocation, never the case or the message back.
 */
const withListing = `
              | received                 | triaged                  | allocated      | accepted                | assigned                                                      | active                                   | closedCase                        | closedAtTriage | withdrawn
coordinator   | triage signpost withdraw | triage signpost allocate | -              | return_to_triage        | return_to_triage                                              | return_to_triage                         | read_message_back                 | reopen         | -
managerOfB    | triage                   | triage allocate          | accept decline | assign return_to_triage | close reassign return_to_triage ${manager}                    | close reassign return_to_triage ${manager} | reopen read_case read_message_back | -              | -
managerOfA    | triage                   | triage allocate          | -              | -                       | -                                                             | -                                        | -                                 | -              | -
assignedWorker| triage                   | triage allocate          | accept decline | claim                   | record_first_contact close ${worker}                          | close ${worker}                          | reopen read_case read_message_back | -              | -
colleagueWorker| triage                  | triage allocate          | accept decline | claim                   | -                                                             | -                                        | -                                 | -              | -
otherWorker   | triage                   | triage allocate          | -              | -                       | -                                                             | -                                        | -                                 | -              | -
referrer      | triage withdraw          | triage allocate          | -              | -                       | -                                                             | -                                        | read_message_back                 | -              | -
referringGp   | triage withdraw          | triage allocate          | -              | -                       | -                                                             | -                                        | read_message_back                 | -              | -
otherGp       | triage                   | triage allocate          | -              | -                       | -                                                             | -                                        | -                                 | -              | -
commissioner  | triage                   | triage allocate          | -              | -                       | -                                                             | -                                        | -                                 | -              | -
admin         | triage                   | triage allocate          | -              | -                       | -                                                             | -                                        | -                                 | -              | -
`;

type Expected = { visible: false } | { visible: true; actions: string[] };

function parseGrid(grid: string): Map<string, Expected> {
  const [header, ...rows] = grid.trim().split("\n");
  const heads = (header ?? "")
    .split("|")
    .slice(1)
    .map((cell) => cell.trim());
  expect(heads).toEqual(columns);
  const expectations = new Map<string, Expected>();
  for (const row of rows) {
    const [name, ...cells] = row.split("|").map((cell) => cell.trim());
    cells.forEach((cell, index) => {
      const key = `${name} ${heads[index]}`;
      expectations.set(
        key,
        cell === "x" ? { visible: false } : { visible: true, actions: cell === "-" ? [] : cell.split(/\s+/) },
      );
    });
  }
  return expectations;
}

describe("what each person may do to a referral, step by step (the policy against a written table)", () => {
  for (const [label, grid, relationships] of [
    ["with no agenda listing", withoutListing, noRelationships],
    ["with the person on an agenda of their MDT's meeting", withListing, onAgenda],
  ] as const) {
    it(label, () => {
      const expected = parseGrid(grid);
      expect(expected.size).toBe(Object.keys(actors).length * columns.length);
      for (const [name, actor] of Object.entries(actors)) {
        for (const [state, facts] of Object.entries(states)) {
          const decision = referralPolicy(actor, facts, relationships);
          const actual: Expected = decision.visible
            ? { visible: true, actions: [...decision.allowedActions].sort() }
            : { visible: false };
          const wanted = expected.get(`${name} ${state}`);
          const sorted = wanted?.visible ? { visible: true, actions: [...wanted.actions].sort() } : wanted;
          expect({ who: `${name} ${state}`, ...actual }).toEqual({ who: `${name} ${state}`, ...sorted });
          for (const action of decision.allowedActions) expect(ReferralAction.options).toContain(action);
        }
      }
    });
  }

  it("gives every action the table allows, and refuses every other, through the lifecycle itself", () => {
    const at = new Date("2026-11-23T10:00:00Z");
    for (const [grid, relationships] of [
      [withoutListing, noRelationships],
      [withListing, onAgenda],
    ] as const) {
      const expected = parseGrid(grid);
      for (const [name, actor] of Object.entries(actors)) {
        const performer = { kind: "user" as const, ...actor };
        for (const [state, facts] of Object.entries(states)) {
          const wanted = expected.get(`${name} ${state}`);
          if (!wanted?.visible) continue;
          for (const action of lifecycleActions) {
            const outcome = decide(
              {
                ...facts,
                version: 3,
                consent: { shareWithProviders: true },
                needs: ["housing"],
                riskFlags: [],
                updatedAt: at.toISOString(),
              },
              commandFor(action),
              performer,
              at,
              relationships,
            );
            const allowed = wanted.actions.includes(action);
            expect({ who: `${name} ${state} ${action}`, ok: outcome.ok }).toEqual({
              who: `${name} ${state} ${action}`,
              ok: allowed,
            });
            if (!outcome.ok) {
              expect(["forbidden", "invalid_transition", "already_claimed"]).toContain(outcome.error.code);
            }
          }
        }
      }
    }
  });
});

/** The actions that are lifecycle commands; the rest are work on the case, judged by the case policy. */
const lifecycleActions = [
  "triage",
  "signpost",
  "allocate",
  "accept",
  "decline",
  "claim",
  "record_first_contact",
  "assign",
  "reassign",
  "return_to_triage",
  "close",
  "reopen",
  "withdraw",
] as const;

const colleagueOfB = { organisationId: "org_b", roles: ["link_worker" as const], active: true };

function commandFor(action: (typeof lifecycleActions)[number]): Command {
  switch (action) {
    case "triage":
      return {
        type: action,
        priority: "soon",
        supportLevel: "supported_connection",
        needs: ["housing"],
        riskFlags: [],
      };
    case "allocate":
      return { type: action, organisationId: "org_b" };
    case "decline":
    case "reopen":
    case "withdraw":
      return { type: action, reason: "Because" };
    case "close":
      return { type: action, reason: "goals_met", summary: "Goals met" };
    case "assign":
      return { type: action, linkWorkerId: "usr_d", linkWorkerName: "D", linkWorker: colleagueOfB };
    case "reassign":
      return {
        type: action,
        linkWorkerId: "usr_d",
        linkWorkerName: "D",
        linkWorker: colleagueOfB,
        reason: "Leave",
      };
    case "return_to_triage":
      return { type: action, reason: "Because" };
    case "signpost":
    case "accept":
    case "claim":
    case "record_first_contact":
      return { type: action };
  }
}

/**
 * Who is refused outright (403) before anything is read, written out by role: the needs each role
 * may ever have. Belonging to an MDT adds reading, triaging and allocating, whatever the role.
 */
const everByRole: Record<Role, ReferralNeed[]> = {
  triage_coordinator: [
    "create",
    "read",
    "triage",
    "signpost",
    "allocate",
    "return_to_triage",
    "reopen",
    "withdraw",
    "read_message_back",
  ],
  org_manager: [
    "read",
    "accept",
    "decline",
    "assign",
    "reassign",
    "return_to_triage",
    "close",
    "reopen",
    "read_case",
    "escalate",
    "read_message_back",
  ],
  link_worker: [
    "read",
    "accept",
    "decline",
    "claim",
    "record_first_contact",
    "close",
    "reopen",
    "read_case",
    "record_contact",
    "update_plan",
    "record_measure",
    "record_connection",
    "escalate",
    "read_message_back",
  ],
  mdt_member: ["create", "read", "allocate", "withdraw", "read_message_back"],
  referrer: ["create", "read", "withdraw", "read_message_back"],
  commissioner: [],
  admin: [],
};
const needs: ReferralNeed[] = ["create", "read", ...ReferralAction.options, "expire_allocation"];

describe("which roles are refused outright (403, whether or not the referral exists)", () => {
  it.each(Role.options)("%s", (role) => {
    for (const need of needs) {
      expect({ need, ever: mayEver(user([role]), need, noRelationships) }).toEqual({
        need,
        ever: everByRole[role].includes(need),
      });
      const member: Relationships = { memberOf: [{ mdtId: "mdt_1", chair: false }] };
      expect({ need, member: mayEver(user([role]), need, member) }).toEqual({
        need,
        member: everByRole[role].includes(need) || ["read", "triage", "allocate"].includes(need),
      });
    }
  });

  it("keeps the mdt_member role from giving anything but the user's own referrals", () => {
    const gp = user(["referrer", "mdt_member"], { userId: "usr_gp" });
    expect(visible(gp, { status: "triaged", referrerId: "usr_someone" })).toBe(false);
    const own = referralPolicy(gp, { status: "triaged", referrerId: "usr_gp" }, noRelationships);
    expect(own.allowedActions).not.toContain("allocate");
  });
});

describe("loading the relationships to a referral", () => {
  const context = {} as Context;
  function counting(answer: Relationships["agenda"]) {
    const calls: string[] = [];
    const agendaLookup: AgendaLookup = async (_context, _user, referralId) => {
      calls.push(referralId);
      return answer;
    };
    return { calls, agendaLookup };
  }
  const item = { referralId: "ref_1", status: "triaged" as const, referrerId: "usr_b" };

  it("never asks about agendas when the plain relationships already give what is needed", async () => {
    const { calls, agendaLookup } = counting(onAgenda.agenda);
    const coordinator = actors.coordinator as UserActor;
    for (const need of ["read", "triage", "allocate"] as const) {
      expect(
        await referralRelationships(context, coordinator, "ref_1", item, need, { agendaLookup }),
      ).toEqual(noRelationships);
    }
    const worker = actors.assignedWorker as UserActor;
    const assigned = { ...item, ...states.assigned, referralId: "ref_1" };
    expect(await referralRelationships(context, worker, "ref_1", assigned, "read", { agendaLookup })).toEqual(
      noRelationships,
    );
    expect(
      await referralRelationships(context, worker, "ref_1", assigned, "close", { agendaLookup }),
    ).toEqual(noRelationships);
    expect(calls).toEqual([]);
  });

  it("asks once for someone an agenda could help, and counts the listing it finds", async () => {
    const { calls, agendaLookup } = counting(onAgenda.agenda);
    const gp = actors.otherGp as UserActor;
    const relationships = await referralRelationships(context, gp, "ref_1", item, "allocate", {
      agendaLookup,
    });
    expect(calls).toEqual(["ref_1"]);
    expect(referralPolicy(gp, item, relationships)).toMatchObject({
      visible: true,
      allowedActions: expect.arrayContaining(["triage", "allocate"]),
    });
  });

  it("asks for a referral the user cannot otherwise see, whatever the need, so a listed member hears 403 not 404", async () => {
    const { calls, agendaLookup } = counting(onAgenda.agenda);
    const gp = actors.otherGp as UserActor;
    const relationships = await referralRelationships(context, gp, "ref_1", item, "claim", { agendaLookup });
    expect(calls).toEqual(["ref_1"]);
    expect(visible(gp, item, relationships)).toBe(true);
    const performer = { kind: "user" as const, ...gp };
    const claim = decide(
      { ...item, version: 1, consent: { shareWithProviders: true }, needs: [], riskFlags: [], updatedAt: "" },
      { type: "claim" },
      performer,
      new Date(),
      relationships,
    );
    expect(claim.ok ? undefined : claim.error.code).toBe("forbidden");
  });

  it("never asks about referring someone", async () => {
    const { calls, agendaLookup } = counting(onAgenda.agenda);
    await referralRelationships(context, actors.otherGp as UserActor, "ref_1", undefined, "create", {
      agendaLookup,
    });
    expect(calls).toEqual([]);
  });

  it("asks about an id that names nothing too, so that it costs what a refusal costs", async () => {
    const { calls, agendaLookup } = counting(undefined);
    const worker = actors.otherWorker as UserActor;
    await referralRelationships(context, worker, "ref_missing", undefined, "read", { agendaLookup });
    await referralRelationships(context, worker, "ref_1", item, "read", { agendaLookup });
    expect(calls).toEqual(["ref_missing", "ref_1"]);
  });

  it("gives nothing when the lookup finds no listing", async () => {
    const { agendaLookup } = counting(undefined);
    const gp = actors.otherGp as UserActor;
    const relationships = await referralRelationships(context, gp, "ref_1", item, "read", { agendaLookup });
    expect(visible(gp, item, relationships)).toBe(false);
  });
});

describe("what the case adds to a referral, by who is looking", () => {
  const withCase: Referral = {
    id: "ref_1",
    reference: "LW-AAAA-BBBB",
    version: 7,
    status: "active",
    source: "gp",
    receivedAt: "2026-11-23T09:00:00.000Z",
    updatedAt: "2026-11-23T09:00:00.000Z",
    person: { givenName: "Ada", familyName: "Okafor", dateOfBirth: "1948-03-14", postcode: "NS1 4AB" },
    reason: "Lonely",
    needs: ["loneliness_isolation"],
    riskFlags: [],
    consent: { shareWithProviders: true },
    breaches: [],
    organisationId: "org_b",
    assignedTo: "usr_c",
    referrerId: "usr_b",
    reviewOn: "2026-12-01",
    reviewOverdue: true,
    failedContactAttempts: 2,
    openEscalations: ["safeguarding"],
    allowedActions: [],
  };
  const caseFields = ["reviewOn", "reviewOverdue", "failedContactAttempts", "openEscalations"] as const;
  const seen = (name: keyof typeof actors, referral = withCase) =>
    referralFor(actors[name] as UserActor, referral);

  it("shows the case's worker and manager everything the case keeps on the referral", () => {
    for (const name of ["assignedWorker", "managerOfB"] as const) {
      expect(seen(name)).toMatchObject({
        reviewOn: "2026-12-01",
        reviewOverdue: true,
        failedContactAttempts: 2,
        openEscalations: ["safeguarding"],
      });
    }
  });

  it("shows triage coordinators where a case is escalated, and nothing else of the case", () => {
    const coordinator = seen("coordinator");
    expect(coordinator.openEscalations).toEqual(["safeguarding"]);
    for (const field of ["reviewOn", "reviewOverdue", "failedContactAttempts"]) {
      expect(coordinator).not.toHaveProperty(field);
    }
  });

  it("shows the referrer none of it while the case is open, and the closure summary once it closed", () => {
    for (const field of caseFields) expect(seen("referrer")).not.toHaveProperty(field);
    const closed: Referral = { ...withCase, status: "closed", closureSummary: "Goes to the lunch club" };
    expect(seen("referrer", closed).closureSummary).toBe("Goes to the lunch club");
    expect(seen("referringGp", closed).closureSummary).toBe("Goes to the lunch club");
    expect(seen("otherGp", closed)).not.toHaveProperty("closureSummary");
    expect(seen("colleagueWorker", closed)).not.toHaveProperty("closureSummary");
  });
});
