import { connect } from "@linkwork/core/db/client";
import { createDatabase } from "@linkwork/core/db/database";
import { createTimelineDatabase } from "@linkwork/core/timeline/timeline-database";
import { describe, expect, it } from "vitest";

const connection = connect({ tableName: "linkwork-test", endpoint: "http://127.0.0.1:1" });

const entry = {
  referralId: "ref_01jd8k2m3n4p5q6r7s8t9v0w1x",
  eventId: "evt_01jd8k2m3n4p5q6r7s8t9v0w1y",
  type: "referral.triaged",
  at: "2026-11-23T09:00:00.000Z",
  actorId: "usr_coordinator",
  actorName: "Sam Coordinator",
  data: { priority: "urgent", needs: ["housing"] },
};

describe("the timeline subscriber's database", () => {
  it("writes a timeline entry exactly as the whole database's timeline entity does, condition included", () => {
    const lean = createTimelineDatabase(connection).entities.timeline.create(entry).params();
    const whole = createDatabase(connection).entities.timeline.create(entry).params();
    expect(lean).toEqual(whole);
    expect(lean.ConditionExpression).toContain("attribute_not_exists");
  });

  it("reads the entries back under the same keys", () => {
    const key = { referralId: entry.referralId };
    const lean = createTimelineDatabase(connection).entities.timeline.query.byReferral(key).params();
    const whole = createDatabase(connection).entities.timeline.query.byReferral(key).params();
    expect(lean).toEqual(whole);
  });
});
