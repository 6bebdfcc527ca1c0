import { describe, expect, it } from "vitest";
import { eventTypes } from "../src/event/catalogue";
import { createEvent } from "../src/event/outbox";
import { audiencesOf, capacityEventTypes, liveEventTypes, noticeFor } from "../src/live/domain/audience";

const actor = { type: "system", name: "test" } as const;
const at = new Date("2026-12-01T10:00:00.000Z");
const meetingId = "mtg_01jd8k2m3n4p5q6r7s8t9v0w1x";
const nextMeetingId = "mtg_01jd8k2m3n4p5q6r7s8t9v0w1y";
const mdtId = "mdt_01jd8k2m3n4p5q6r7s8t9v0w1x";

describe("which boards an event concerns", () => {
  it("a meeting's own event concerns that meeting's board only", () => {
    const event = createEvent("meeting.item_updated", {
      actor,
      at,
      subject: { type: "meeting", id: meetingId },
      data: { mdtId, itemId: "itm_1", referralId: "ref_1", column: "decided" },
    });
    expect(audiencesOf(event, "default")).toEqual([{ kind: "meeting", meetingId }]);
  });

  it("an item rolled over, or a meeting ended into the next, concerns both meetings' boards", () => {
    const rolled = createEvent("meeting.item_rolled_over", {
      actor,
      at,
      subject: { type: "meeting", id: meetingId },
      data: {
        mdtId,
        itemId: "itm_1",
        referralId: "ref_1",
        toMeetingId: nextMeetingId,
        toItemId: "itm_2",
        reason: "Not reached",
      },
    });
    expect(audiencesOf(rolled, "default")).toEqual([
      { kind: "meeting", meetingId },
      { kind: "meeting", meetingId: nextMeetingId },
    ]);
    const ended = createEvent("meeting.ended", {
      actor,
      at,
      subject: { type: "meeting", id: meetingId },
      data: { mdtId, decided: 3, rolledOver: 0 },
    });
    expect(audiencesOf(ended, "default")).toEqual([{ kind: "meeting", meetingId }]);
  });

  it("a completed action concerns the board of the meeting that agreed it", () => {
    const event = createEvent("action.completed", {
      actor,
      at,
      subject: { type: "action", id: "act_1" },
      data: { mdtId, meetingId, referralId: "ref_1" },
    });
    expect(audiencesOf(event, "default")).toEqual([{ kind: "meeting", meetingId }]);
  });

  it("a change of capacity concerns every board in the area, wherever it was made", () => {
    const claimed = createEvent("referral.claimed", {
      actor,
      at,
      subject: { type: "referral", id: "ref_1" },
      data: { organisationId: "org_1", linkWorkerId: "usr_1" },
    });
    expect(audiencesOf(claimed, "north")).toEqual([{ kind: "area", areaId: "north" }]);
    const limit = createEvent("user.capacity_changed", {
      actor,
      at,
      subject: { type: "user", id: "usr_1" },
      data: { organisationId: "org_1", caseloadLimit: 20 },
    });
    expect(audiencesOf(limit, "north")).toEqual([{ kind: "area", areaId: "north" }]);
  });

  it("a referral event that moves no place concerns no board", () => {
    const triaged = createEvent("referral.triaged", {
      actor,
      at,
      subject: { type: "referral", id: "ref_1" },
      data: { priority: "soon", supportLevel: "signposting", needs: [], riskFlags: [] },
    });
    expect(audiencesOf(triaged, "default")).toEqual([]);
  });
});

describe("what the notifier listens to", () => {
  it("is every meeting and action event and the capacity changes, each a type the catalogue knows", () => {
    const listened = liveEventTypes(eventTypes);
    for (const type of eventTypes) {
      const expected =
        type.startsWith("meeting.") ||
        type.startsWith("action.") ||
        (capacityEventTypes as readonly string[]).includes(type);
      expect(listened.includes(type), type).toBe(expected);
    }
    for (const type of capacityEventTypes) expect(eventTypes).toContain(type);
  });
});

describe("the notice a board is sent", () => {
  it("names the meeting, when and why, and nothing about anyone", () => {
    expect(noticeFor(meetingId, { type: "meeting.started", occurredAt: at.toISOString() })).toEqual({
      type: "meeting.changed",
      meetingId,
      at: at.toISOString(),
      reason: "meeting.started",
    });
  });
});
