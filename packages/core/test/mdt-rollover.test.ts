import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openAccessUntil } from "../src/mdt/domain/meeting-rules";
import {
  type ClosingItem,
  type EndInput,
  followingMeetingId,
  followingStart,
  planMeetingEnd,
  rolledItemId,
  rolledReason,
  rollReason,
  transactionGroups,
  writesFor,
} from "../src/mdt/domain/rollover";
import { BoardColumn } from "../src/mdt/schema";
import { idPattern } from "../src/util/id";

const meeting = {
  meetingId: "mtg_01kb0000000000000000000000",
  startsAt: "2026-12-01T09:30:00.000Z",
  durationMinutes: 90,
};
const now = new Date("2026-12-01T11:00:00.000Z");

function anItem(index: number, column: BoardColumn, overrides: Partial<ClosingItem> = {}): ClosingItem {
  return {
    itemId: `itm_01kb00000000000000000000${String(index).padStart(2, "0")}`,
    referralId: `ref_01kb00000000000000000000${String(index).padStart(2, "0")}`,
    column,
    position: index,
    reason: `Reason ${index}`,
    accessUntil: openAccessUntil,
    ...overrides,
  };
}

function input(items: ClosingItem[], overrides: Partial<EndInput> = {}): EndInput {
  return { meeting, cadenceDays: 14, items, nextMeeting: undefined, now, ...overrides };
}

const itemsArbitrary = fc
  .array(fc.constantFrom(...BoardColumn.options), { maxLength: 70 })
  .map((columns) => columns.map((column, index) => anItem(index, column)));

describe("ending a meeting", () => {
  it("keeps decided items and moves every other item to a meeting planned one cadence later", () => {
    const plan = planMeetingEnd(
      input([anItem(0, "decided"), anItem(1, "to_discuss"), anItem(2, "deferred"), anItem(3, "discussing")]),
    );
    expect(plan.next).toEqual({
      meetingId: followingMeetingId(meeting.meetingId),
      startsAt: "2026-12-15T09:30:00.000Z",
      durationMinutes: 90,
      create: true,
    });
    // The item under discussion when time ran out leads the next agenda; the deferred one comes last.
    expect(plan.closings.map((closing) => [closing.kind, closing.item.itemId])).toEqual([
      ["rolled", anItem(3, "discussing").itemId],
      ["rolled", anItem(1, "to_discuss").itemId],
      ["rolled", anItem(2, "deferred").itemId],
      ["decided", anItem(0, "decided").itemId],
    ]);
    expect(plan.closings[2]).toMatchObject({
      why: "Deferred at the meeting on 1 December 2026",
      toPosition: 2,
    });
    expect(plan.closings[1]).toMatchObject({
      why: "Not reached at the meeting on 1 December 2026",
      reason: "Not reached at the meeting on 1 December 2026. Reason 1",
      toPosition: 1,
    });
    expect(plan).toMatchObject({
      endedAt: now.toISOString(),
      accessUntil: "2026-12-31T11:00:00.000Z",
      decided: 1,
      rolledOver: 3,
    });
  });

  it("puts moved items after those already on the team's next planned meeting, and plans none", () => {
    const nextMeeting = {
      meetingId: "mtg_01kb1111111111111111111111",
      startsAt: "2026-12-08T09:30:00.000Z",
      durationMinutes: 60,
      items: [
        {
          itemId: "itm_01kb1111111111111111111100",
          referralId: "ref_other",
          column: "to_discuss" as const,
          position: 4,
        },
        {
          itemId: "itm_01kb1111111111111111111101",
          referralId: "ref_another",
          column: "deferred" as const,
          position: 9,
        },
      ],
    };
    const plan = planMeetingEnd(input([anItem(0, "to_discuss"), anItem(1, "deferred")], { nextMeeting }));
    expect(plan.next).toEqual({ ...nextMeeting, items: undefined, create: false });
    expect(plan.closings.map((closing) => closing.kind === "rolled" && closing.toPosition)).toEqual([5, 6]);
  });

  it("moves a person a member already listed on the next meeting onto that listing, not a second one", () => {
    const listed = anItem(1, "to_discuss");
    const nextMeeting = {
      meetingId: "mtg_01kb1111111111111111111111",
      startsAt: "2026-12-08T09:30:00.000Z",
      durationMinutes: 60,
      items: [
        {
          itemId: "itm_01kb1111111111111111111100",
          referralId: listed.referralId,
          column: "to_discuss" as const,
          position: 0,
        },
      ],
    };
    const plan = planMeetingEnd(input([anItem(0, "to_discuss"), listed], { nextMeeting }));
    expect(plan.closings).toMatchObject([
      { kind: "rolled", item: { itemId: anItem(0, "to_discuss").itemId }, create: true, toPosition: 1 },
      {
        kind: "rolled",
        item: { itemId: listed.itemId },
        create: false,
        toItemId: "itm_01kb1111111111111111111100",
      },
    ]);
    expect(plan.rolledOver).toBe(2);
  });

  it("plans no next meeting when everything was decided", () => {
    const plan = planMeetingEnd(input([anItem(0, "decided"), anItem(1, "decided")]));
    expect(plan.next).toBeUndefined();
    expect(plan.closings.every((closing) => closing.kind === "decided")).toBe(true);
  });

  it("closes every item exactly once, each moved one to its own new item at the end of the next agenda", () => {
    fc.assert(
      fc.property(itemsArbitrary, (items) => {
        const plan = planMeetingEnd(input(items));
        expect(plan.closings.map((closing) => closing.item.itemId).sort()).toEqual(
          items.map((item) => item.itemId).sort(),
        );
        const rolled = plan.closings.flatMap((closing) => (closing.kind === "rolled" ? [closing] : []));
        expect(rolled.map((closing) => closing.item.column)).not.toContain("decided");
        expect(new Set(rolled.map((closing) => closing.toItemId)).size).toBe(rolled.length);
        expect(rolled.map((closing) => closing.toPosition)).toEqual(rolled.map((_, index) => index));
        expect(plan.decided + plan.rolledOver).toBe(items.length);
        expect(plan.rolledOver).toBe(rolled.length);
        expect(plan.next === undefined).toBe(rolled.length === 0);
      }),
    );
  });

  it("resumed after an attempt closed some items, finishes the rest with the same end time and ids", () => {
    fc.assert(
      fc.property(itemsArbitrary, fc.nat(), fc.integer({ min: 1, max: 600 }), (items, cut, minutesLater) => {
        const first = planMeetingEnd(input(items));
        const done = first.closings.slice(0, items.length === 0 ? 0 : cut % (items.length + 1));
        const doneIds = new Set(done.map((closing) => closing.item.itemId));
        const afterFirstAttempt = items.map((item) => {
          const closing = done.find((candidate) => candidate.item.itemId === item.itemId);
          if (!closing) return item;
          return {
            ...item,
            accessUntil: first.accessUntil,
            ...(closing.kind === "rolled" ? { rolledTo: first.next?.meetingId } : {}),
          };
        });
        const createdEarlier = done.flatMap((closing) =>
          closing.kind === "rolled" && closing.create
            ? [
                {
                  itemId: closing.toItemId,
                  referralId: closing.item.referralId,
                  column: "to_discuss" as const,
                  position: closing.toPosition,
                },
              ]
            : [],
        );
        const retry = planMeetingEnd(
          input(afterFirstAttempt, {
            now: new Date(now.getTime() + minutesLater * 60_000),
            nextMeeting:
              first.next && createdEarlier.length > 0 ? { ...first.next, items: createdEarlier } : undefined,
          }),
        );
        // An attempt that closed nothing left nothing to resume: the retry ends the meeting at its own time.
        if (done.length > 0) {
          expect(retry.endedAt).toBe(first.endedAt);
          expect(retry.accessUntil).toBe(first.accessUntil);
        }
        expect(retry.closings).toEqual(first.closings.filter((closing) => !doneIds.has(closing.item.itemId)));
        expect([retry.decided, retry.rolledOver]).toEqual([first.decided, first.rolledOver]);
        if (retry.next) expect(retry.next.meetingId).toBe(first.next?.meetingId);
      }),
    );
  });
});

describe("the next meeting's start", () => {
  it("keeps the time on the clock in England when the clocks change in between", () => {
    // 09:30 BST on 20 October is 08:30 UTC; two weeks later it is GMT, so 09:30 UTC.
    expect(followingStart("2026-10-20T08:30:00.000Z", 14, new Date("2026-10-20T10:00:00.000Z"))).toBe(
      "2026-11-03T09:30:00.000Z",
    );
    expect(followingStart("2026-03-24T10:00:00.000Z", 7, new Date("2026-03-24T12:00:00.000Z"))).toBe(
      "2026-03-31T09:00:00.000Z",
    );
  });

  it("is the first cadence still to come when the meeting ended long after it was due", () => {
    expect(followingStart("2026-11-03T09:30:00.000Z", 14, new Date("2026-11-20T12:00:00.000Z"))).toBe(
      "2026-12-01T09:30:00.000Z",
    );
  });

  it("is always after the end and a whole number of cadences after the start", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2025-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 200 * 24 * 60 }),
        (start, cadenceDays, minutesLater) => {
          const ended = new Date(start.getTime() + minutesLater * 60_000);
          const next = new Date(followingStart(start.toISOString(), cadenceDays, ended));
          expect(next.getTime()).toBeGreaterThan(ended.getTime());
          const days = (next.getTime() - start.getTime()) / 86_400_000;
          // Whole days, give or take the hour the clocks moved.
          expect(Math.abs(days - Math.round(days))).toBeLessThanOrEqual(1 / 24 + 1e-9);
          expect(Math.round(days) % cadenceDays).toBe(0);
        },
      ),
    );
  });
});

describe("why an item moved", () => {
  it("says when it was deferred or not reached, in England's calendar", () => {
    expect(rollReason("deferred", "2026-06-30T23:30:00.000Z")).toBe("Deferred at the meeting on 1 July 2026");
    expect(rollReason("to_discuss", "2026-12-01T09:30:00.000Z")).toBe(
      "Not reached at the meeting on 1 December 2026",
    );
  });

  it("says an item under discussion when the meeting ended was discussed, not that it was not reached", () => {
    expect(rollReason("discussing", "2026-12-01T09:30:00.000Z")).toBe(
      "Discussed without a decision at the meeting on 1 December 2026",
    );
    const discussed = rolledReason("Falls at home", rollReason("discussing", "2026-12-01T09:30:00.000Z"));
    expect(rolledReason(discussed, "Deferred at the meeting on 15 December 2026")).toBe(
      "Deferred at the meeting on 15 December 2026. Falls at home",
    );
  });

  it("names only the latest move when an item moves twice, and stays within the reason's limit", () => {
    const once = rolledReason("Falls at home", "Deferred at the meeting on 1 December 2026");
    expect(rolledReason(once, "Not reached at the meeting on 15 December 2026")).toBe(
      "Not reached at the meeting on 15 December 2026. Falls at home",
    );
    expect(rolledReason("x".repeat(1000), "Deferred at the meeting on 1 December 2026")).toHaveLength(1000);
  });
});

describe("ids of what ending creates", () => {
  it("are well-formed, the same every time, and distinct for distinct sources", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (left, right) => {
        expect(rolledItemId(left)).toMatch(idPattern("agendaItem"));
        expect(followingMeetingId(left)).toMatch(idPattern("meeting"));
        expect(rolledItemId(left)).toBe(rolledItemId(left));
        if (left !== right) expect(rolledItemId(left)).not.toBe(rolledItemId(right));
      }),
    );
  });
});

describe("grouping the writes of an end into transactions", () => {
  it("never puts more than a transaction holds in one group, and keeps every closing in order", () => {
    fc.assert(
      fc.property(itemsArbitrary, fc.integer({ min: 0, max: 10 }), (items, reserved) => {
        const { closings } = planMeetingEnd(input(items));
        const groups = transactionGroups(closings, reserved);
        for (const group of groups) {
          const writes = group.reduce((sum, closing) => sum + writesFor(closing), reserved);
          expect(writes).toBeLessThanOrEqual(100);
          expect(group.length).toBeGreaterThan(0);
        }
        expect(groups.flat()).toEqual(closings);
      }),
    );
  });

  it("splits a meeting of 60 undecided items into transactions DynamoDB accepts", () => {
    const items = Array.from({ length: 60 }, (_, index) => anItem(index, "to_discuss"));
    const groups = transactionGroups(planMeetingEnd(input(items)).closings, 2);
    expect(groups.map((group) => group.length)).toEqual([19, 19, 19, 3]);
  });
});
