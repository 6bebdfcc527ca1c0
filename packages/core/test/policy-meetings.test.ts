import { describe, expect, it } from "vitest";
import type { MeetingStatus } from "../src/mdt/schema";
import {
  actionPolicy,
  actionRefusal,
  agendaItemPolicy,
  agendaItemRefusal,
  mayCreateMdt,
  mdtPolicy,
  mdtRefusal,
  meetingPolicy,
  meetingRefusal,
  type PolicyActor,
  type Relationships,
} from "../src/policy";
import type { Role } from "../src/user/role";

const actor = (roles: Role[], userId = "usr_a", organisationId = "org_a"): PolicyActor => ({
  userId,
  roles,
  organisationId,
});

/** How each person stands to MDT mdt_1; roles are varied to show they give nothing here. */
const people = {
  chair: { actor: actor(["referrer", "mdt_member"], "usr_chair"), relationships: member(true) },
  member: { actor: actor(["link_worker"], "usr_member", "org_vcs"), relationships: member(false) },
  memberOfAnother: {
    actor: actor(["mdt_member", "referrer"], "usr_elsewhere"),
    relationships: { memberOf: [{ mdtId: "mdt_2", chair: true }] },
  },
  coordinator: { actor: actor(["triage_coordinator"], "usr_coordinator"), relationships: { memberOf: [] } },
  admin: { actor: actor(["admin"], "usr_admin"), relationships: { memberOf: [] } },
} satisfies Record<string, { actor: PolicyActor; relationships: Relationships }>;

function member(chair: boolean): Relationships {
  return { memberOf: [{ mdtId: "mdt_1", chair }] };
}

type Cell = "x" | string[];

/** Written out by hand from API.md: "x" is not found (404). */
const meetingTable: Record<string, Record<MeetingStatus, Cell>> = {
  chair: {
    planned: ["start", "add_item", "record_attendance"],
    in_progress: ["end", "add_item", "record_attendance"],
    ended: ["record_attendance"],
  },
  member: {
    planned: ["add_item", "record_attendance"],
    in_progress: ["add_item", "record_attendance"],
    ended: ["record_attendance"],
  },
  memberOfAnother: { planned: "x", in_progress: "x", ended: "x" },
  coordinator: { planned: "x", in_progress: "x", ended: "x" },
  admin: { planned: "x", in_progress: "x", ended: "x" },
};

const itemStates = {
  listedBeforeTheMeeting: { meetingStatus: "planned", decided: false },
  discussedNow: { meetingStatus: "in_progress", decided: false },
  decided: { meetingStatus: "in_progress", decided: true },
  afterTheMeeting: { meetingStatus: "ended", decided: true },
  rolledOver: { meetingStatus: "ended", decided: false, rolledTo: "mtg_next" },
} as const;

const itemTable: Record<string, Record<keyof typeof itemStates, Cell>> = {
  chair: {
    listedBeforeTheMeeting: ["move", "edit_sbar", "record_outcome"],
    discussedNow: ["move", "edit_sbar", "record_outcome"],
    decided: ["move"],
    afterTheMeeting: [],
    rolledOver: [],
  },
  member: {
    listedBeforeTheMeeting: ["move", "edit_sbar", "record_outcome"],
    discussedNow: ["move", "edit_sbar", "record_outcome"],
    decided: ["move"],
    afterTheMeeting: [],
    rolledOver: [],
  },
  memberOfAnother: {
    listedBeforeTheMeeting: "x",
    discussedNow: "x",
    decided: "x",
    afterTheMeeting: "x",
    rolledOver: "x",
  },
  coordinator: {
    listedBeforeTheMeeting: "x",
    discussedNow: "x",
    decided: "x",
    afterTheMeeting: "x",
    rolledOver: "x",
  },
  admin: {
    listedBeforeTheMeeting: "x",
    discussedNow: "x",
    decided: "x",
    afterTheMeeting: "x",
    rolledOver: "x",
  },
};

const mdtTable: Record<string, Cell> = {
  chair: ["plan_meeting"],
  member: [],
  memberOfAnother: "x",
  coordinator: "x",
  admin: ["plan_meeting"],
};

const seen = (decision: { visible: boolean; allowedActions: string[] }): Cell =>
  decision.visible ? [...decision.allowedActions].sort() : "x";
const sorted = (cell: Cell | undefined): Cell | undefined => (Array.isArray(cell) ? [...cell].sort() : cell);

describe("who sees and works an MDT's meetings (the policy against a written table)", () => {
  it("the team itself: its members see it, the chair and administrators plan its meetings", () => {
    for (const [name, { actor, relationships }] of Object.entries(people)) {
      expect({ name, cell: seen(mdtPolicy(actor, { mdtId: "mdt_1" }, relationships)) }).toEqual({
        name,
        cell: sorted(mdtTable[name]),
      });
    }
  });

  it("its meetings: members only, and only the chair starts and ends them", () => {
    for (const [name, { actor, relationships }] of Object.entries(people)) {
      for (const status of ["planned", "in_progress", "ended"] as const) {
        const decision = meetingPolicy(actor, { mdtId: "mdt_1", status }, relationships);
        expect({ name, status, cell: seen(decision) }).toEqual({
          name,
          status,
          cell: sorted(meetingTable[name]?.[status]),
        });
      }
    }
  });

  it("its agenda items: any member works the board until the item is decided and the meeting ends", () => {
    for (const [name, { actor, relationships }] of Object.entries(people)) {
      for (const [state, facts] of Object.entries(itemStates)) {
        const decision = agendaItemPolicy(actor, { mdtId: "mdt_1", ...facts }, relationships);
        expect({ name, state, cell: seen(decision) }).toEqual({
          name,
          state,
          cell: sorted(itemTable[name]?.[state as keyof typeof itemStates]),
        });
      }
    }
  });

  it("names the member's standing for the audit entry", () => {
    const { chair, member: plain } = people;
    expect(
      meetingPolicy(chair.actor, { mdtId: "mdt_1", status: "planned" }, chair.relationships).purpose,
    ).toBe("Chair of the MDT");
    expect(
      agendaItemPolicy(plain.actor, { mdtId: "mdt_1", ...itemStates.discussedNow }, plain.relationships)
        .purpose,
    ).toBe("Member of the MDT");
  });

  it("gives only administrators the setting up of teams", () => {
    expect(mayCreateMdt(actor(["admin"]))).toBe(true);
    for (const role of ["triage_coordinator", "mdt_member", "org_manager", "commissioner"] as const) {
      expect(mayCreateMdt(actor([role]))).toBe(false);
    }
  });
});

describe("why a meeting change is refused: not found, forbidden or not now", () => {
  it("hides the meeting from non-members, forbids a member the chair's actions, and refuses the wrong moment", () => {
    const outsider = people.memberOfAnother;
    const plain = people.member;
    const chair = people.chair;
    const planned = { mdtId: "mdt_1", status: "planned" as const, version: 4 };
    expect(meetingRefusal(outsider.actor, planned, outsider.relationships, "add_item")?.code).toBe(
      "not_found",
    );
    expect(meetingRefusal(plain.actor, planned, plain.relationships, "start")?.code).toBe("forbidden");
    expect(meetingRefusal(chair.actor, planned, chair.relationships, "end")).toMatchObject({
      code: "invalid_transition",
      currentVersion: 4,
    });
    expect(meetingRefusal(chair.actor, planned, chair.relationships, "start")).toBeUndefined();
    expect(mdtRefusal(plain.actor, { mdtId: "mdt_1" }, plain.relationships, "plan_meeting")?.code).toBe(
      "forbidden",
    );
    expect(mdtRefusal(outsider.actor, { mdtId: "mdt_1" }, outsider.relationships, "plan_meeting")?.code).toBe(
      "not_found",
    );
    const decided = { mdtId: "mdt_1", ...itemStates.decided, version: 2 };
    expect(agendaItemRefusal(plain.actor, decided, plain.relationships, "record_outcome")).toMatchObject({
      code: "invalid_transition",
      currentVersion: 2,
    });
    expect(agendaItemRefusal(people.admin.actor, decided, people.admin.relationships, "move")?.code).toBe(
      "not_found",
    );
  });
});

describe("who sees and completes an action agreed at a meeting", () => {
  const open = {
    mdtId: "mdt_1",
    ownerOrganisationId: "org_vcs",
    ownerUserId: "usr_owner",
    status: "open" as const,
    version: 1,
  };
  const none: Relationships = { memberOf: [] };
  const table: [string, PolicyActor, Relationships, Cell, Cell][] = [
    // who, actor, relationships, open action, done action
    ["its owner", actor(["link_worker"], "usr_owner", "org_vcs"), none, ["complete"], []],
    [
      "a colleague in the owning organisation",
      actor(["org_manager"], "usr_manager", "org_vcs"),
      none,
      ["complete"],
      [],
    ],
    ["a member of the MDT elsewhere", actor(["referrer"], "usr_gp", "org_practice"), member(false), [], []],
    ["the chair elsewhere", actor(["referrer"], "usr_chair", "org_practice"), member(true), [], []],
    ["someone else", actor(["triage_coordinator"], "usr_coordinator", "org_hub"), none, "x", "x"],
  ];
  it.each(table)("%s", (_who, person, relationships, whenOpen, whenDone) => {
    expect(seen(actionPolicy(person, open, relationships))).toEqual(whenOpen);
    expect(seen(actionPolicy(person, { ...open, status: "done" }, relationships))).toEqual(whenDone);
  });

  it("refuses with not found, forbidden, or already done", () => {
    const stranger = actor(["link_worker"], "usr_stranger", "org_other");
    expect(actionRefusal(stranger, open, none, "complete")?.code).toBe("not_found");
    expect(
      actionRefusal(actor(["referrer"], "usr_gp", "org_practice"), open, member(false), "complete")?.code,
    ).toBe("forbidden");
    const owner = actor(["link_worker"], "usr_owner", "org_vcs");
    expect(actionRefusal(owner, { ...open, status: "done" }, none, "complete")?.code).toBe(
      "invalid_transition",
    );
    expect(actionRefusal(owner, open, none, "complete")).toBeUndefined();
  });
});
