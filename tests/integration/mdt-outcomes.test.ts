import type { Context } from "@linkwork/core/context";
import { connect } from "@linkwork/core/db/client";
import { createDatabase } from "@linkwork/core/db/database";
import { isEventOf, parseEvent } from "@linkwork/core/event/catalogue";
import { completeAction } from "@linkwork/core/mdt/actions-complete";
import { addAgendaItem } from "@linkwork/core/mdt/add-item";
import { createMdt } from "@linkwork/core/mdt/create-mdt";
import { openAccessUntil } from "@linkwork/core/mdt/domain/meeting-rules";
import { followingMeetingId, rolledItemId } from "@linkwork/core/mdt/domain/rollover";
import { endMeeting } from "@linkwork/core/mdt/end-meeting";
import { openActionsForMeeting } from "@linkwork/core/mdt/open-actions";
import { recordOutcome } from "@linkwork/core/mdt/outcome-record";
import { planMeeting } from "@linkwork/core/mdt/plan-meeting";
import { startMeeting } from "@linkwork/core/mdt/start-meeting";
import { receiveReferral } from "@linkwork/core/referral/receive";
import { ReferralCreate } from "@linkwork/core/referral/schema";
import { readTimeline } from "@linkwork/core/timeline/read";
import { recordTimelineEntry } from "@linkwork/core/timeline/record";
import { beforeEach, describe, expect, it } from "vitest";
import { aReferral } from "../support/builders";
import { createTestContext } from "../support/database";
import { addUsers, seedStaff, team } from "../support/world";
import { admin, asUser, errorCodeOf, gp, pcnWorker, vcsWorker } from "./mdt-fixtures";

let setup: Awaited<ReturnType<typeof createTestContext>>;
/** A nurse who refers but sits on no MDT: the person the summary goes back to. */
const referrer = asUser({
  userId: "usr_test_practice_nurse",
  email: "nurse.riverside@linkwork.test",
  name: "Nell Briggs",
  roles: ["referrer"],
  organisationId: "org_riverside",
});

const meetingStart = "2026-11-26T13:00:00.000Z";

beforeEach(async () => {
  setup = await createTestContext("2026-11-23T09:00:00.000Z");
  await seedStaff(setup.context);
  await addUsers(setup.context, [referrer]);
});

/** A started meeting of the Riverside team with `count` people listed, in listing order. */
async function meetingWith(count: number) {
  const { context, clock } = setup;
  const mdt = await createMdt(context, admin, {
    name: "Riverside MDT",
    practices: ["A81001"],
    chairUserId: gp.userId,
    memberUserIds: [pcnWorker.userId, vcsWorker.userId],
    cadenceDays: 14,
  });
  const planned = await planMeeting(context, gp, mdt.id, { startsAt: meetingStart, durationMinutes: 90 });
  const referrals: string[] = [];
  for (let start = 0; start < count; start += 10) {
    const batch = Array.from({ length: Math.min(10, count - start) }, () =>
      receiveReferral(
        context,
        referrer,
        ReferralCreate.parse(aReferral({ riskFlags: ["high_risk_admission"] })),
      ),
    );
    referrals.push(...(await Promise.all(batch)).map((received) => received.referral.id));
  }
  const items = [];
  for (const referralId of referrals) {
    items.push(
      await addAgendaItem(context, pcnWorker, planned.id, { referralId, reason: "Two falls this month" }),
    );
  }
  clock.set(meetingStart);
  const started = await startMeeting(context, gp, planned.id, { version: planned.version });
  return { mdt, meeting: started, items, referrals };
}

async function outboxOf(type: string) {
  const outbox = await setup.db.entities.outbox.scan
    .where((attributes, { eq }) => eq(attributes.type, type))
    .go({ pages: "all" });
  return outbox.data;
}

async function storedItems(meetingId: string) {
  return (await setup.db.entities.agendaItem.query.byMeeting({ meetingId }).go({ pages: "all" })).data;
}

/**
 * The same table through a client of its own that fails on one of its transactions, as a Lambda
 * timing out mid-way would: the writes before it stand, nothing after it is sent.
 */
function contextFailingAtTransaction(failAt: number): Context {
  const connection = connect({ tableName: setup.tableName, endpoint: setup.endpoint });
  let transactions = 0;
  connection.client.middlewareStack.add(
    (next, handlerContext) => async (args) => {
      if (/TransactWrite/.test(handlerContext.commandName ?? "")) {
        transactions += 1;
        if (transactions === failAt) throw new Error("The connection was lost");
      }
      return next(args);
    },
    { step: "initialize", name: "failOneTransaction" },
  );
  return { db: createDatabase(connection), clock: setup.clock };
}

describe("recording an outcome", () => {
  it("writes the decided item, each action, the event and an audit entry together", async () => {
    const { meeting, items, referrals } = await meetingWith(2);
    const [first] = items;
    if (!first) throw new Error("No item listed");
    const decided = await recordOutcome(setup.context, vcsWorker, meeting.id, first.id, {
      version: first.version,
      decision: "Refer to the falls prevention service and the walking group",
      actions: [
        {
          description: "Book a falls assessment",
          ownerOrganisationId: team.pcnWorker.organisationId,
          ownerUserId: team.pcnWorker.userId,
          dueOn: "2026-12-10",
        },
        {
          description: "Find a walking group nearby",
          ownerOrganisationId: team.vcsWorker.organisationId,
          dueOn: "2026-12-17",
        },
      ],
    });
    expect(decided).toMatchObject({
      column: "decided",
      version: first.version + 1,
      outcome: {
        decision: "Refer to the falls prevention service and the walking group",
        decidedBy: vcsWorker.userId,
        actions: [
          {
            description: "Book a falls assessment",
            ownerUserId: team.pcnWorker.userId,
            status: "open",
            version: 1,
          },
          { description: "Find a walking group nearby", ownerOrganisationId: team.vcsWorker.organisationId },
        ],
      },
    });
    expect(decided.outcome?.actions[1]?.ownerUserId).toBeUndefined();

    const stored = await setup.db.entities.agendaItem.get({ meetingId: meeting.id, itemId: first.id }).go();
    expect(stored.data).toMatchObject({ column: "decided", decidedBy: vcsWorker.userId });
    expect(stored.data?.actionIds).toEqual(decided.outcome?.actions.map((action) => action.id));
    const actions = await setup.db.entities.action.query
      .byMdt({ mdtId: meeting.mdtId, status: "open" })
      .go({ pages: "all" });
    expect(actions.data.map((action) => [action.itemId, action.ownerUserKey]).sort()).toEqual(
      [
        [first.id, team.pcnWorker.userId],
        [first.id, "none"],
      ].sort(),
    );
    const [event] = await outboxOf("meeting.outcome_recorded");
    expect(event).toMatchObject({
      subject: { type: "meeting", id: meeting.id },
      data: {
        itemId: first.id,
        referralId: referrals[0],
        actions: [{ description: "Book a falls assessment" }, {}],
      },
    });
    const audit = await setup.db.entities.audit.query
      .bySubject({ subjectId: first.referralId })
      .go({ pages: "all" });
    expect(audit.data.map((entry) => [entry.actorId, entry.action])).toContainEqual([
      vcsWorker.userId,
      "meeting.outcome.record",
    ]);
  });

  it("typed by two members at once, is recorded once: the other hears the item changed", async () => {
    const { meeting, items } = await meetingWith(1);
    const [item] = items;
    if (!item) throw new Error("No item listed");
    const outcome = (decision: string) => ({
      version: item.version,
      decision,
      actions: [
        { description: decision, ownerOrganisationId: team.vcsWorker.organisationId, dueOn: "2026-12-10" },
      ],
    });
    const codes = await Promise.all([
      errorCodeOf(recordOutcome(setup.context, gp, meeting.id, item.id, outcome("Befriender"))),
      errorCodeOf(recordOutcome(setup.context, vcsWorker, meeting.id, item.id, outcome("Walking group"))),
    ]);
    expect(codes.sort()).toEqual(["ok", "version_conflict"]);
    const stored = await setup.db.entities.agendaItem.get({ meetingId: meeting.id, itemId: item.id }).go();
    const actions = (await setup.db.entities.action.scan.go({ pages: "all" })).data;
    expect(actions.map((action) => action.description)).toEqual([stored.data?.decision]);
    expect(await outboxOf("meeting.outcome_recorded")).toHaveLength(1);
  });

  it("names every owner that cannot own the action, and writes nothing", async () => {
    const { meeting, items } = await meetingWith(1);
    const [item] = items;
    if (!item) throw new Error("No item listed");
    const attempt = recordOutcome(setup.context, gp, meeting.id, item.id, {
      version: item.version,
      decision: "Support at home",
      actions: [
        { description: "Visit", ownerOrganisationId: "org_nowhere", dueOn: "2026-12-10" },
        {
          description: "Call",
          ownerOrganisationId: team.vcsWorker.organisationId,
          ownerUserId: team.pcnWorker.userId,
          dueOn: "2026-12-10",
        },
        {
          description: "Write",
          ownerOrganisationId: team.vcsWorker.organisationId,
          ownerUserId: "usr_nobody",
          dueOn: "2026-11-01",
        },
      ],
    });
    await expect(attempt).rejects.toMatchObject({
      code: "validation_failed",
      details: [
        { path: "actions.0.ownerOrganisationId", message: "No organisation has this id" },
        {
          path: "actions.1.ownerUserId",
          message: `${team.pcnWorker.name} is not in the organisation that owns the action`,
        },
        { path: "actions.2.ownerUserId", message: "No user has this id" },
        { path: "actions.2.dueOn", message: "The due date must be today or later" },
      ],
    });
    const stored = await setup.db.entities.agendaItem.get({ meetingId: meeting.id, itemId: item.id }).go();
    expect(stored.data).toMatchObject({ column: "to_discuss", version: item.version });
    expect((await setup.db.entities.action.scan.go({ pages: "all" })).data).toEqual([]);
    expect(await outboxOf("meeting.outcome_recorded")).toEqual([]);
  });
});

describe("open actions on the next agenda", () => {
  it("are the team's actions still open from its other meetings, until their owners complete them", async () => {
    const { meeting, items } = await meetingWith(1);
    const [item] = items;
    if (!item) throw new Error("No item listed");
    const decided = await recordOutcome(setup.context, gp, meeting.id, item.id, {
      version: item.version,
      decision: "Benefits check, then review",
      actions: [
        {
          description: "Benefits check",
          ownerOrganisationId: team.vcsWorker.organisationId,
          dueOn: "2026-12-01",
        },
      ],
    });
    const ended = await endMeeting(setup.context, gp, meeting.id, { version: meeting.version });
    const next = await planMeeting(setup.context, gp, ended.mdtId, {
      startsAt: "2026-12-10T13:00:00.000Z",
      durationMinutes: 60,
    });
    const relationships = { memberOf: [{ mdtId: ended.mdtId, chair: false }] };
    const nextMeeting = { meetingId: next.id, mdtId: next.mdtId, status: next.status };
    const open = await openActionsForMeeting(setup.context, vcsWorker, nextMeeting, relationships);
    expect(open).toEqual([
      expect.objectContaining({
        meetingId: meeting.id,
        description: "Benefits check",
        allowedActions: ["complete"],
      }),
    ]);
    expect(
      await openActionsForMeeting(
        setup.context,
        vcsWorker,
        { ...nextMeeting, meetingId: meeting.id },
        relationships,
      ),
    ).toEqual([]);

    const [action] = decided.outcome?.actions ?? [];
    if (!action) throw new Error("No action recorded");
    await completeAction(setup.context, vcsWorker, action.id, { version: action.version });
    expect(await openActionsForMeeting(setup.context, pcnWorker, nextMeeting, relationships)).toEqual([]);
  });
});

describe("ending a meeting", () => {
  it("of 60 people moves the 40 undecided to a meeting planned a cadence later and closes every listing", async () => {
    const { meeting, items, referrals } = await meetingWith(60);
    for (const item of items.slice(0, 20)) {
      await recordOutcome(setup.context, gp, meeting.id, item.id, {
        version: item.version,
        decision: "Allocate for a supported connection",
        actions: [],
      });
    }
    setup.clock.set("2026-11-26T14:30:00.000Z");
    const ended = await endMeeting(setup.context, gp, meeting.id, { version: meeting.version });
    expect(ended).toMatchObject({
      status: "ended",
      endedAt: "2026-11-26T14:30:00.000Z",
      version: meeting.version + 1,
    });

    const nextMeetingId = followingMeetingId(meeting.id);
    const next = await setup.db.entities.meeting.get({ meetingId: nextMeetingId }).go();
    expect(next.data).toMatchObject({
      status: "planned",
      startsAt: "2026-12-10T13:00:00.000Z",
      durationMinutes: 90,
    });
    expect(next.data?.listedReferralIds?.sort()).toEqual(referrals.slice(20).sort());

    const closed = await storedItems(meeting.id);
    expect(closed.every((item) => item.accessUntil === "2026-12-26T14:30:00.000Z")).toBe(true);
    expect(closed.filter((item) => item.rolledTo === nextMeetingId)).toHaveLength(40);
    const moved = await storedItems(nextMeetingId);
    expect(moved).toHaveLength(40);
    expect(moved.map((item) => item.referralId).sort()).toEqual(referrals.slice(20).sort());
    expect(moved[0]).toMatchObject({
      rolledFrom: meeting.id,
      column: "to_discuss",
      accessUntil: openAccessUntil,
      reason: "Not reached at the meeting on 26 November 2026. Two falls this month",
    });
    expect(new Set(moved.map((item) => item.position)).size).toBe(40);

    expect(await outboxOf("referral.discussed_at_mdt")).toHaveLength(60);
    expect(await outboxOf("meeting.item_rolled_over")).toHaveLength(40);
    expect(await outboxOf("meeting.planned")).toHaveLength(2);
    const [endedEvent] = await outboxOf("meeting.ended");
    expect(endedEvent?.data).toEqual({ mdtId: meeting.mdtId, decided: 20, rolledOver: 40, nextMeetingId });
  });

  it("that fails part way through leaves each item whole, and the same request again finishes it once", async () => {
    const { meeting, items, referrals } = await meetingWith(45);
    const [decidedItem] = items;
    if (!decidedItem) throw new Error("No item listed");
    await recordOutcome(setup.context, gp, meeting.id, decidedItem.id, {
      version: decidedItem.version,
      decision: "Discharge: settled at home",
      actions: [],
    });
    setup.clock.set("2026-11-26T14:30:00.000Z");
    // The next meeting, then a first group of items, then the connection drops.
    const failing = contextFailingAtTransaction(3);
    await expect(endMeeting(failing, gp, meeting.id, { version: meeting.version })).rejects.toThrow(
      "The connection was lost",
    );
    const afterCrash = await setup.db.entities.meeting.get({ meetingId: meeting.id }).go();
    expect(afterCrash.data).toMatchObject({ status: "in_progress", version: meeting.version });
    const partly = await storedItems(meeting.id);
    const closedEarly = partly.filter((item) => item.accessUntil !== openAccessUntil);
    expect(closedEarly.length).toBeGreaterThan(0);
    expect(closedEarly.length).toBeLessThan(45);
    const nextMeetingId = followingMeetingId(meeting.id);
    for (const item of closedEarly.filter((candidate) => candidate.column !== "decided")) {
      expect(item.rolledTo).toBe(nextMeetingId);
      const copy = await setup.db.entities.agendaItem
        .get({ meetingId: nextMeetingId, itemId: rolledItemId(item.itemId) })
        .go();
      expect(copy.data?.referralId).toBe(item.referralId);
    }

    setup.clock.set("2026-11-26T14:35:00.000Z");
    const ended = await endMeeting(setup.context, gp, meeting.id, { version: meeting.version });
    expect(ended.status).toBe("ended");
    // The end is when it began: listings closed by the first attempt and the rest agree.
    expect(ended.endedAt).toBe("2026-11-26T14:30:00.000Z");
    const closed = await storedItems(meeting.id);
    expect(new Set(closed.map((item) => item.accessUntil))).toEqual(new Set(["2026-12-26T14:30:00.000Z"]));
    expect((await storedItems(nextMeetingId)).map((item) => item.referralId).sort()).toEqual(
      referrals.slice(1).sort(),
    );
    const discussed = (await outboxOf("referral.discussed_at_mdt")).map((event) => event.subject.id);
    expect(discussed.sort()).toEqual([...referrals].sort());
    expect(await outboxOf("meeting.ended")).toHaveLength(1);
    expect(await outboxOf("meeting.planned")).toHaveLength(2);
  });

  it("closes a listing made while it was ending too, so no one is left open on an ended meeting", async () => {
    const { meeting } = await meetingWith(2);
    const late = await receiveReferral(
      setup.context,
      referrer,
      ReferralCreate.parse(aReferral({ riskFlags: ["crisis"] })),
    );
    const connection = connect({ tableName: setup.tableName, endpoint: setup.endpoint });
    let listedLate = false;
    connection.client.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as {
          TransactItems?: { Update?: { ExpressionAttributeNames?: Record<string, string> } }[];
        };
        const endsMeeting = Object.values(
          input.TransactItems?.[0]?.Update?.ExpressionAttributeNames ?? {},
        ).includes("endedAt");
        if (endsMeeting && !listedLate) {
          listedLate = true;
          await addAgendaItem(setup.context, vcsWorker, meeting.id, {
            referralId: late.referral.id,
            reason: "In crisis since Tuesday",
          });
        }
        return next(args);
      },
      { step: "initialize", name: "listWhileEnding" },
    );
    const racing: Context = { db: createDatabase(connection), clock: setup.clock };
    const ended = await endMeeting(racing, gp, meeting.id, { version: meeting.version });
    expect(listedLate).toBe(true);
    expect(ended.status).toBe("ended");
    const lateItem = (await storedItems(meeting.id)).find((item) => item.referralId === late.referral.id);
    expect(lateItem).toMatchObject({ rolledTo: followingMeetingId(meeting.id) });
    expect(lateItem?.accessUntil).not.toBe(openAccessUntil);
  });

  it("asked twice at once (two tabs), ends once: one answer is the ended meeting, the other a conflict", async () => {
    const { meeting, referrals } = await meetingWith(25);
    const results = await Promise.allSettled([
      endMeeting(setup.context, gp, meeting.id, { version: meeting.version }),
      endMeeting(setup.context, gp, meeting.id, { version: meeting.version }),
    ]);
    const ended = results.filter((result) => result.status === "fulfilled");
    const refused = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
    expect(ended).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(["version_conflict", "invalid_transition"]).toContain(refused[0]?.code);
    const moved = await storedItems(followingMeetingId(meeting.id));
    expect(moved.map((item) => item.referralId).sort()).toEqual([...referrals].sort());
    const discussed = (await outboxOf("referral.discussed_at_mdt")).map((event) => event.subject.id);
    expect(discussed.sort()).toEqual([...referrals].sort());
    expect(await outboxOf("meeting.ended")).toHaveLength(1);
    expect(await outboxOf("meeting.item_rolled_over")).toHaveLength(25);
  });

  it("is refused to a member who is not the chair, and to a meeting not in progress", async () => {
    const { meeting } = await meetingWith(1);
    expect(
      await errorCodeOf(endMeeting(setup.context, pcnWorker, meeting.id, { version: meeting.version })),
    ).toBe("forbidden");
    expect(
      await errorCodeOf(endMeeting(setup.context, gp, meeting.id, { version: meeting.version - 1 })),
    ).toBe("version_conflict");
    const ended = await endMeeting(setup.context, gp, meeting.id, { version: meeting.version });
    expect(await errorCodeOf(endMeeting(setup.context, gp, meeting.id, { version: ended.version }))).toBe(
      "invalid_transition",
    );
  });

  it("puts each person's outcome on their referral's timeline, which the referrer reads", async () => {
    const { meeting, items } = await meetingWith(2);
    const [decidedItem, undecidedItem] = items;
    if (!decidedItem || !undecidedItem) throw new Error("Items not listed");
    await recordOutcome(setup.context, gp, meeting.id, decidedItem.id, {
      version: decidedItem.version,
      decision: "Community Connect to offer a befriender",
      actions: [
        {
          description: "Match a befriender",
          ownerOrganisationId: team.vcsWorker.organisationId,
          dueOn: "2026-12-03",
        },
      ],
    });
    await endMeeting(setup.context, gp, meeting.id, { version: meeting.version });
    // What the timeline subscriber does with each event the relay publishes.
    for (const stored of await outboxOf("referral.discussed_at_mdt")) {
      const { eventId, type, occurredAt, actor, subject, data } = stored;
      const event = parseEvent({ id: eventId, type, occurredAt, actor, subject, data });
      if (isEventOf(event, ["referral.discussed_at_mdt"])) await recordTimelineEntry(setup.db, event);
    }
    const decidedTimeline = await readTimeline(setup.context, referrer, decidedItem.referralId);
    expect(decidedTimeline.at(-1)).toMatchObject({
      type: "referral.discussed_at_mdt",
      actorId: gp.userId,
      data: {
        meetingId: meeting.id,
        mdtName: "Riverside MDT",
        decision: "Community Connect to offer a befriender",
        actions: [{ description: "Match a befriender", dueOn: "2026-12-03" }],
      },
    });
    const undecidedTimeline = await readTimeline(setup.context, referrer, undecidedItem.referralId);
    expect(undecidedTimeline.at(-1)).toMatchObject({
      type: "referral.discussed_at_mdt",
      data: { rolledTo: followingMeetingId(meeting.id), actions: [] },
    });
    expect(undecidedTimeline.at(-1)?.data.decision).toBeUndefined();
  });
});
