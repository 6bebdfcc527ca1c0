import type { BoardColumn } from "@linkwork/core/mdt/schema";
import { describe, expect, it } from "vitest";
import { calendarDateToday, isOverdue, ownerName } from "../src/components/mdt/action-details";
import { allocationSentence, withAllocation } from "../src/components/mdt/allocation-decision";
import { arrangeBoard } from "../src/components/mdt/board-arrangement";
import { boardColumns } from "../src/components/mdt/board-columns";
import { formatClock, timeSlots } from "../src/components/mdt/time-slots";
import { describeTimelineEvent } from "../src/labels/timeline-labels";
import { readLiveMessage } from "../src/live/live-message";
import { reconnectDelay } from "../src/live/reconnect-delay";
import type { AgendaItem } from "../src/queries/meeting";
import type { ItemMove } from "../src/queries/meeting-item-move";

function anItem(id: string, column: BoardColumn, position: number, slotMinutes = 5): AgendaItem {
  return {
    id,
    meetingId: "mtg_1",
    referralId: `ref_${id}`,
    reason: "Frequent A&E attender",
    sbar: null,
    column,
    position,
    slotMinutes,
    version: 1,
    person: { name: id, initialsOnly: false },
    riskFlags: [],
    allowedActions: ["move"],
  };
}

const move = (itemId: string, column: BoardColumn, position: number): ItemMove => ({
  itemId,
  version: 1,
  column,
  position,
});

const layout = (cards: ReturnType<typeof arrangeBoard>) =>
  Object.fromEntries(
    boardColumns.map((column) => [
      column,
      cards.filter((card) => card.column === column).map((card) => card.id),
    ]),
  );

describe("the board as drawn: the server's snapshot with the user's moves in flight replayed over it", () => {
  const snapshot = [
    anItem("c", "to_discuss", 2),
    anItem("a", "to_discuss", 0),
    anItem("b", "to_discuss", 1),
    anItem("d", "decided", 0),
  ];

  it("orders each column by position and numbers the places from nought", () => {
    const cards = arrangeBoard(snapshot, []);
    expect(layout(cards)).toEqual({
      to_discuss: ["a", "b", "c"],
      discussing: [],
      decided: ["d"],
      deferred: [],
    });
    expect(cards.map((card) => [card.id, card.position])).toEqual([
      ["a", 0],
      ["b", 1],
      ["c", 2],
      ["d", 0],
    ]);
    expect(cards.every((card) => !card.moving)).toBe(true);
  });

  it("shows a move still in flight where the user put the card, marked as moving", () => {
    const cards = arrangeBoard(snapshot, [move("c", "discussing", 0)]);
    expect(layout(cards).discussing).toEqual(["c"]);
    expect(cards.find((card) => card.id === "c")?.moving).toBe(true);
  });

  it("keeps a card the user moved where they put it when a refetch lands before the server answers", () => {
    // Someone else's change arrives (d went back to To discuss); the user's own move still shows.
    const refetched = [...snapshot.filter((item) => item.id !== "d"), anItem("d", "to_discuss", 3)];
    const cards = arrangeBoard(refetched, [move("a", "deferred", 0)]);
    expect(layout(cards)).toEqual({
      to_discuss: ["b", "c", "d"],
      discussing: [],
      decided: [],
      deferred: ["a"],
    });
  });

  it("puts a refused move back: once it is no longer in flight the server's snapshot alone is drawn", () => {
    const whileMoving = layout(arrangeBoard(snapshot, [move("a", "decided", 0)]));
    expect(whileMoving.decided).toEqual(["a", "d"]);
    expect(layout(arrangeBoard(snapshot, [])).to_discuss).toEqual(["a", "b", "c"]);
  });

  it("replays several moves in the order they were made, and clamps a place past the end", () => {
    const cards = arrangeBoard(snapshot, [
      move("a", "to_discuss", 99),
      move("b", "decided", 1),
      move("a", "to_discuss", 0),
    ]);
    expect(layout(cards)).toEqual({
      to_discuss: ["a", "c"],
      discussing: [],
      decided: ["d", "b"],
      deferred: [],
    });
  });

  it("ignores a move of a card the server no longer has", () => {
    expect(layout(arrangeBoard(snapshot, [move("gone", "decided", 0)]))).toEqual(
      layout(arrangeBoard(snapshot, [])),
    );
  });

  it("never loses or doubles a card, whatever moves are in flight", () => {
    const ids = snapshot.map((item) => item.id);
    for (const first of ids) {
      for (const second of ids) {
        for (const column of boardColumns) {
          for (const position of [0, 1, 5]) {
            const cards = arrangeBoard(snapshot, [
              move(first, column, position),
              move(second, "deferred", 0),
            ]);
            expect([...cards.map((card) => card.id)].sort()).toEqual([...ids].sort());
            for (const each of boardColumns) {
              const places = cards.filter((card) => card.column === each).map((card) => card.position);
              expect(places).toEqual(places.map((_, index) => index));
            }
          }
        }
      }
    }
  });
});

describe("time slots and the meeting clock", () => {
  it("gives each item its minutes in running order: decided, discussing, to discuss, then deferred", () => {
    const slots = timeSlots([
      { id: "next", column: "to_discuss", slotMinutes: 10 },
      { id: "later", column: "deferred", slotMinutes: 5 },
      { id: "now", column: "discussing", slotMinutes: 15 },
      { id: "done", column: "decided", slotMinutes: 5 },
    ]);
    expect(Object.fromEntries(slots)).toEqual({
      done: { fromMinute: 0, toMinute: 5 },
      now: { fromMinute: 5, toMinute: 20 },
      next: { fromMinute: 20, toMinute: 30 },
      later: { fromMinute: 30, toMinute: 35 },
    });
  });

  it("reads a number of seconds as a clock does", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(425.9)).toBe("7:05");
    expect(formatClock(3750)).toBe("1:02:30");
    expect(formatClock(-3)).toBe("0:00");
  });
});

describe("the live client", () => {
  it("reads a meeting.changed notice and ignores anything else", () => {
    expect(
      readLiveMessage(
        JSON.stringify({
          type: "meeting.changed",
          meetingId: "mtg_1",
          at: "2026-12-01T10:00:00Z",
          reason: "meeting.item_updated",
        }),
      ),
    ).toEqual({
      type: "meeting.changed",
      meetingId: "mtg_1",
      at: "2026-12-01T10:00:00Z",
      reason: "meeting.item_updated",
    });
    expect(
      readLiveMessage(JSON.stringify({ type: "meeting.changed", meetingId: "mtg_1", at: "now" }))?.reason,
    ).toBeUndefined();
    expect(readLiveMessage(JSON.stringify({ type: "pong" }))).toBeUndefined();
    expect(readLiveMessage(JSON.stringify({ type: "meeting.changed", at: "now" }))).toBeUndefined();
    expect(readLiveMessage("not json")).toBeUndefined();
    expect(readLiveMessage(JSON.stringify(null))).toBeUndefined();
    expect(readLiveMessage(new ArrayBuffer(4))).toBeUndefined();
  });

  it("waits longer after each failed reconnection, up to half a minute, with a little jitter", () => {
    const lowest = () => 0;
    const highest = () => 0.999;
    expect([0, 1, 2, 3, 4].map((attempt) => reconnectDelay(attempt, lowest))).toEqual([
      500, 1000, 2000, 4000, 8000,
    ]);
    expect(reconnectDelay(12, lowest)).toBe(30_000);
    expect(reconnectDelay(12, highest)).toBeLessThanOrEqual(36_000);
    expect(reconnectDelay(0, highest)).toBeGreaterThan(500);
  });
});

describe("the referral's timeline", () => {
  it("says what an MDT meeting decided about the person, or that they were carried over", () => {
    expect(
      describeTimelineEvent(
        {
          type: "referral.discussed_at_mdt",
          data: { mdtName: "Riverside MDT", decision: "Offer a walking group", actions: [{}, {}] },
        },
        () => undefined,
      ),
    ).toEqual({
      title: "Discussed at Riverside MDT",
      details: ["Decision: Offer a walking group", "2 actions agreed"],
    });
    expect(
      describeTimelineEvent(
        {
          type: "referral.discussed_at_mdt",
          data: { mdtName: "Riverside MDT", actions: [], rolledTo: "mtg_2" },
        },
        () => undefined,
      ).details,
    ).toEqual(["Not decided: carried over to the team's next meeting"]);
  });
});

describe("an action as the meeting page and My actions show it", () => {
  it("is overdue only while open and once the day it was due has passed", () => {
    expect(isOverdue({ status: "open", dueOn: "2026-11-30" }, "2026-12-01")).toBe(true);
    expect(isOverdue({ status: "open", dueOn: "2026-12-01" }, "2026-12-01")).toBe(false);
    expect(isOverdue({ status: "open", dueOn: "2026-12-18" }, "2026-12-01")).toBe(false);
    expect(isOverdue({ status: "done", dueOn: "2026-11-30" }, "2026-12-01")).toBe(false);
  });

  it("takes today as the date in the UK, not in UTC", () => {
    // 23:30 UTC in British Summer Time is already the next day in London.
    expect(calendarDateToday(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(calendarDateToday(new Date("2026-12-01T23:30:00Z"))).toBe("2026-12-01");
  });

  it("names the owner only when one person owns it and the page knows them", () => {
    const members = [{ userId: "usr_worker_vcs", name: "Megan Hughes" }];
    expect(ownerName({ ownerUserId: "usr_worker_vcs" }, members)).toBe("Megan Hughes");
    expect(ownerName({ ownerUserId: "usr_someone_else" }, members)).toBeUndefined();
    expect(ownerName({}, members)).toBeUndefined();
  });
});

describe("the decision once support is allocated from the board", () => {
  const sentence = allocationSentence("Community Connect");

  it("says where the support was allocated", () => {
    expect(sentence).toBe("Support allocated to Community Connect.");
  });

  it("is the allocation alone when nothing has been typed yet", () => {
    expect(withAllocation("", sentence)).toBe(sentence);
    expect(withAllocation("  \n", sentence)).toBe(sentence);
  });

  it("keeps what the user typed and adds the allocation on a new line", () => {
    expect(withAllocation("Offer a walking group.\n", sentence)).toBe(
      "Offer a walking group.\nSupport allocated to Community Connect.",
    );
  });

  it("never adds the same allocation twice", () => {
    const once = withAllocation("Offer a walking group.", sentence);
    expect(withAllocation(once, sentence)).toBe(once);
    expect(withAllocation(once, allocationSentence("Age Well"))).toBe(
      `${once}\nSupport allocated to Age Well.`,
    );
  });
});
