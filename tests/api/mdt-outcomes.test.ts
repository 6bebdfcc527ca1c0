import { describe, expect, it } from "vitest";
import { team } from "../support/world";
import { councilMember, daysFromNow, mdtApiSuite } from "./mdt-fixtures";

const { api, createTeam, planned, referredWith, listed } = mdtApiSuite();

interface Item {
  id: string;
  version: number;
  referralId: string;
  column: string;
  rolledFrom?: string;
  rolledTo?: string;
}

const inAWeek = daysFromNow(7).slice(0, 10);

async function started(meetingId: string, version: number) {
  const response = await api().call("POST", `/api/meetings/${meetingId}/start`, {
    as: team.gp,
    body: { version },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { id: string; version: number };
}

/** A team's meeting under way with `count` people on its agenda. */
async function meetingUnderWay(count: number) {
  const mdt = await createTeam();
  const meeting = await planned(mdt.id);
  const items: Item[] = [];
  for (let index = 0; index < count; index++) {
    const referral = await referredWith();
    items.push({ ...(await listed(meeting.id, referral.id)), referralId: referral.id });
  }
  return { mdt, meeting: await started(meeting.id, meeting.version), items };
}

function recordOutcome(
  meetingId: string,
  item: Pick<Item, "id" | "version">,
  body: Record<string, unknown> = {},
) {
  return api().call("POST", `/api/meetings/${meetingId}/items/${item.id}/outcome`, {
    as: team.vcsWorker,
    body: {
      version: item.version,
      decision: "Offer a befriender from Community Connect",
      actions: [],
      ...body,
    },
  });
}

describe("recording an outcome", () => {
  it("decides the item with its actions, which reach their owners' lists", async () => {
    const { meeting, items } = await meetingUnderWay(1);
    const [item] = items;
    if (!item) throw new Error("Nothing listed");
    const response = await recordOutcome(meeting.id, item, {
      actions: [
        {
          description: "Phone her daughter about the move",
          ownerOrganisationId: team.pcnWorker.organisationId,
          ownerUserId: team.pcnWorker.userId,
          dueOn: inAWeek,
        },
      ],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({
      id: item.id,
      column: "decided",
      version: item.version + 1,
      outcome: {
        decision: "Offer a befriender from Community Connect",
        decidedBy: team.vcsWorker.userId,
        actions: [{ description: "Phone her daughter about the move", status: "open", dueOn: inAWeek }],
      },
    });
    expect(response.body.allowedActions).not.toContain("record_outcome");
    const actionId = response.body.outcome.actions[0].id;

    const owner = await api().call("GET", "/api/actions", { as: team.pcnWorker });
    expect(owner.body.items).toContainEqual(
      expect.objectContaining({ id: actionId, referralId: item.referralId, allowedActions: ["complete"] }),
    );
    const colleague = await api().call("GET", "/api/actions", { as: team.pcnManager });
    expect(colleague.body.items.map((action: { id: string }) => action.id)).toContain(actionId);
    const elsewhere = await api().call("GET", "/api/actions", { as: team.vcsManager });
    expect(elsewhere.body.items.map((action: { id: string }) => action.id)).not.toContain(actionId);
  });

  it("may be recorded on a planned meeting, before it starts, once", async () => {
    const mdt = await createTeam();
    const meeting = await planned(mdt.id);
    const item = await listed(meeting.id, (await referredWith()).id);
    const first = await recordOutcome(meeting.id, item);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const again = await recordOutcome(meeting.id, first.body);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: "invalid_transition",
      currentVersion: first.body.version,
    });
  });

  it("names every problem with what was sent, all at once", async () => {
    const { meeting, items } = await meetingUnderWay(1);
    const [item] = items;
    if (!item) throw new Error("Nothing listed");
    const response = await api().call("POST", `/api/meetings/${meeting.id}/items/${item.id}/outcome`, {
      as: team.gp,
      body: {
        version: "two",
        decision: "  ",
        actions: [{ description: "", ownerOrganisationId: "not an id!", dueOn: "next Tuesday" }, "call"],
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("validation_failed");
    expect(response.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(
      [
        "version",
        "decision",
        "actions.0.description",
        "actions.0.ownerOrganisationId",
        "actions.0.dueOn",
        "actions.1",
      ].sort(),
    );
  });

  it("refuses an owner outside the organisation that owns the action, naming the field", async () => {
    const { meeting, items } = await meetingUnderWay(1);
    const [item] = items;
    if (!item) throw new Error("Nothing listed");
    const response = await recordOutcome(meeting.id, item, {
      actions: [
        {
          description: "Arrange a home visit",
          ownerOrganisationId: team.vcsWorker.organisationId,
          ownerUserId: team.pcnWorker.userId,
          dueOn: inAWeek,
        },
        { description: "Check benefits", ownerOrganisationId: "org_not_a_provider", dueOn: inAWeek },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([
      {
        path: "actions.0.ownerUserId",
        message: `${team.pcnWorker.name} is not in the organisation that owns the action`,
      },
      { path: "actions.1.ownerOrganisationId", message: "No organisation has this id" },
    ]);
  });

  it("answers a stale version with the current one, and a non-member with not found", async () => {
    const { meeting, items } = await meetingUnderWay(1);
    const [item] = items;
    if (!item) throw new Error("Nothing listed");
    const moved = await api().call("PATCH", `/api/meetings/${meeting.id}/items/${item.id}`, {
      as: team.gp,
      body: { version: item.version, column: "discussing" },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const stale = await recordOutcome(meeting.id, item);
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "version_conflict", currentVersion: moved.body.version });

    const outsider = await api().call("POST", `/api/meetings/${meeting.id}/items/${item.id}/outcome`, {
      as: team.coordinator,
      body: { version: moved.body.version, decision: "Not mine to make", actions: [] },
    });
    expect(outsider.status).toBe(404);
    const unknownItem = await recordOutcome(meeting.id, { id: "itm_01kb0000000000000000000000", version: 1 });
    expect(unknownItem.status).toBe(404);
  });
});

describe("ending a meeting", () => {
  it("moves the undecided to the team's next planned meeting; the summary says what became of each person", async () => {
    const { mdt, meeting, items } = await meetingUnderWay(3);
    const [decidedItem, deferredItem, notReached] = items;
    if (!decidedItem || !deferredItem || !notReached) throw new Error("Not all listed");
    const nextMeeting = await planned(mdt.id, daysFromNow(10));
    const decided = await recordOutcome(meeting.id, decidedItem, {
      actions: [
        {
          description: "Match a befriender",
          ownerOrganisationId: team.vcsWorker.organisationId,
          dueOn: inAWeek,
        },
      ],
    });
    expect(decided.status).toBe(200);
    const deferred = await api().call("PATCH", `/api/meetings/${meeting.id}/items/${deferredItem.id}`, {
      as: team.gp,
      body: { version: deferredItem.version, column: "deferred" },
    });
    expect(deferred.status).toBe(200);

    const ended = await api().call("POST", `/api/meetings/${meeting.id}/end`, {
      as: team.gp,
      body: { version: meeting.version },
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body).toMatchObject({
      status: "ended",
      version: meeting.version + 1,
      endedAt: expect.any(String),
    });
    expect(ended.body.allowedActions).not.toContain("end");
    const rolled = ended.body.items.filter((item: Item) => item.rolledTo === nextMeeting.id);
    expect(rolled.map((item: Item) => item.id).sort()).toEqual([deferredItem.id, notReached.id].sort());

    const next = await api().call("GET", `/api/meetings/${nextMeeting.id}`, { as: councilMember });
    expect(next.status).toBe(200);
    expect(next.body.items).toEqual([
      expect.objectContaining({
        referralId: notReached.referralId,
        rolledFrom: meeting.id,
        column: "to_discuss",
      }),
      expect.objectContaining({
        referralId: deferredItem.referralId,
        rolledFrom: meeting.id,
        column: "to_discuss",
      }),
    ]);
    const [, deferredAgain] = next.body.items;
    expect(deferredAgain.reason).toMatch(/^Deferred at the meeting on \d{1,2} [A-Z][a-z]+ \d{4}\. /);

    const summary = await api().call("GET", `/api/meetings/${meeting.id}/summary`, { as: team.pcnWorker });
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ meetingId: meeting.id, status: "ended" });
    expect(summary.body.items).toEqual([
      expect.objectContaining({
        referralId: decidedItem.referralId,
        decision: "Offer a befriender from Community Connect",
        actions: [expect.objectContaining({ description: "Match a befriender", status: "open" })],
      }),
      expect.objectContaining({ referralId: notReached.referralId, actions: [], rolledTo: nextMeeting.id }),
      expect.objectContaining({ referralId: deferredItem.referralId, actions: [], rolledTo: nextMeeting.id }),
    ]);
    expect(summary.body.items[1].decision).toBeUndefined();
    expect(
      (await api().call("GET", `/api/meetings/${meeting.id}/summary`, { as: team.coordinator })).status,
    ).toBe(404);

    const again = await api().call("POST", `/api/meetings/${meeting.id}/end`, {
      as: team.gp,
      body: { version: ended.body.version },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("invalid_transition");
    const late = await recordOutcome(meeting.id, rolled[0]);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("invalid_transition");
  });

  it("is the chair's alone, of a meeting under way, at its current version", async () => {
    const mdt = await createTeam();
    const meeting = await planned(mdt.id);
    const end = (as = team.gp, version = meeting.version, meetingId = meeting.id) =>
      api().call("POST", `/api/meetings/${meetingId}/end`, { as, body: { version } });

    const notStarted = await end();
    expect(notStarted.status).toBe(409);
    expect(notStarted.body.error.code).toBe("invalid_transition");
    const underWay = await started(meeting.id, meeting.version);
    expect((await end(team.pcnWorker, underWay.version)).status).toBe(403);
    expect((await end(team.vcsManager, underWay.version)).status).toBe(404);
    const stale = await end(team.gp, meeting.version);
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "version_conflict", currentVersion: underWay.version });
    const badBody = await api().call("POST", `/api/meetings/${meeting.id}/end`, { as: team.gp, body: {} });
    expect(badBody.status).toBe(400);
    expect(badBody.body.error.details).toEqual([expect.objectContaining({ path: "version" })]);
    expect((await end(team.gp, 1, "mtg_not-an-id")).status).toBe(400);
    expect((await end(team.gp, underWay.version)).status).toBe(200);
  });

  it("plans a meeting a cadence later when the team has none to take what was not decided", async () => {
    const { mdt, meeting, items } = await meetingUnderWay(1);
    const ended = await api().call("POST", `/api/meetings/${meeting.id}/end`, {
      as: team.gp,
      body: { version: meeting.version },
    });
    expect(ended.status).toBe(200);
    const [item] = ended.body.items as Item[];
    const meetings = await api().call("GET", `/api/mdts/${mdt.id}/meetings`, { as: team.gp });
    const next = meetings.body.items.find((candidate: { id: string }) => candidate.id === item?.rolledTo);
    expect(next).toMatchObject({ status: "planned", durationMinutes: 90 });
    const startsAt = Date.parse(
      meetings.body.items.find((candidate: { id: string }) => candidate.id === meeting.id).startsAt,
    );
    const days = (Date.parse(next.startsAt) - startsAt) / 86_400_000;
    expect(Math.round(days)).toBe(14);
    const board = await api().call("GET", `/api/meetings/${next.id}`, { as: team.gp });
    expect(board.body.items).toEqual([
      expect.objectContaining({ referralId: items[0]?.referralId, rolledFrom: meeting.id }),
    ]);
  });
});
