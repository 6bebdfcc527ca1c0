import { randomUUID } from "node:crypto";
import type { EventEnvelope } from "@linkwork/core/event/catalogue";
import { createEvent, outboxEventsBetween, toOutboxItem, utcDaysBetween } from "@linkwork/core/event/outbox";
import { parseCommand, ReplayArguments } from "@linkwork/local/ops/command-arguments";
import { replay } from "@linkwork/local/ops/replay";
import { afterEach, describe, expect, it } from "vitest";
import { type RecoveryHarness, recoveryHarness } from "../local/recovery-harness";

const closing: RecoveryHarness[] = [];
afterEach(async () => {
  for (const harness of closing.splice(0)) await harness.close();
});

/** Recent days, so the outbox items are still within their week, as a real replay's would be. */
const today = new Date().toISOString().slice(0, 10);
const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

const noWaiting = { sleep: async () => undefined, random: () => 0.5 };
const quickly = { attempts: 3, baseDelayMs: 0, maxDelayMs: 0 };

function anEvent(referralId: string, occurredAt: string) {
  return createEvent("referral.received", {
    actor: { type: "system", name: "test" },
    subject: { type: "referral", id: referralId },
    data: { referralId, source: "gp", needs: ["housing"], riskFlags: [] },
    at: new Date(occurredAt),
  });
}

/** Outbox items as a use case writes them, each an event of its own referral so timelines can be told apart. */
async function writeOutbox(harness: RecoveryHarness, times: string[]): Promise<EventEnvelope[]> {
  const events = times.map((time) => anEvent(`ref_${randomUUID()}`, time));
  for (const event of events) await harness.context.db.entities.outbox.create(toOutboxItem(event)).go();
  return events;
}

describe("replay from the outbox by time range", () => {
  it("publishes exactly the events that occurred in [from, to), across a midnight, oldest first", async () => {
    const harness = await recoveryHarness();
    closing.push(harness);
    const [, first, afterMidnight] = await writeOutbox(harness, [
      `${yesterday}T22:59:59.999Z`,
      `${yesterday}T23:00:00.000Z`,
      `${today}T00:30:00.000Z`,
      `${today}T01:00:00.000Z`,
    ]);

    const read = [];
    for await (const item of outboxEventsBetween(harness.context.db, {
      from: new Date(`${yesterday}T23:00:00Z`),
      to: new Date(`${today}T01:00:00Z`),
    }))
      read.push(item);

    expect(read).toEqual([{ event: first }, { event: afterMidnight }]);
  });

  it("fills the timeline gaps of the range, and replaying again doubles nothing", async () => {
    const harness = await recoveryHarness();
    closing.push(harness);
    const events = await writeOutbox(harness, [
      `${yesterday}T08:59:00.000Z`,
      `${yesterday}T09:00:00.000Z`,
      `${yesterday}T09:30:00.000Z`,
      `${yesterday}T10:00:00.000Z`,
    ]);
    const [outside, missed, delivered, after] = events as [
      EventEnvelope,
      EventEnvelope,
      EventEnvelope,
      EventEnvelope,
    ];
    // One event of the range reached the timeline when it happened; the other was lost downstream.
    await harness.publisher.publish([delivered]);
    await harness.bus.whenIdle();

    const range = { from: new Date(`${yesterday}T09:00:00Z`), to: new Date(`${yesterday}T10:00:00Z`) };
    for (let run = 0; run < 2; run++) {
      const summary = await replay({
        events: outboxEventsBetween(harness.context.db, range),
        publisher: harness.publisher,
        backoff: quickly,
        waiting: noWaiting,
      });
      await harness.bus.whenIdle();
      expect(summary).toEqual({ published: 2, failed: [], unreadable: [] });
    }

    expect(await harness.timelineOf(missed.subject.id)).toEqual([missed.id]);
    expect(await harness.timelineOf(delivered.subject.id)).toEqual([delivered.id]);
    expect(await harness.timelineOf(outside.subject.id)).toEqual([]);
    expect(await harness.timelineOf(after.subject.id)).toEqual([]);
  });

  it("reads a day page by page and publishes it in batches, in time order", async () => {
    const harness = await recoveryHarness();
    closing.push(harness);
    const times = Array.from(
      { length: 23 },
      (_, index) => `${yesterday}T12:00:${String(index).padStart(2, "0")}.000Z`,
    );
    const events = await writeOutbox(harness, times);
    const published: string[] = [];
    const batches: number[] = [];
    const summary = await replay({
      events: outboxEventsBetween(
        harness.context.db,
        { from: new Date(`${yesterday}T00:00:00Z`), to: new Date(`${today}T00:00:00Z`) },
        { pageSize: 5 },
      ),
      publisher: {
        publish: async (batch) => {
          published.push(...batch.map((event) => event.id));
          batches.push(batch.length);
          return { failedEventIds: [] };
        },
      },
      backoff: quickly,
      waiting: noWaiting,
    });
    expect(summary.published).toBe(23);
    expect(published).toEqual(events.map((event) => event.id));
    expect(batches).toEqual([10, 10, 3]);
  });
});

describe("the outbox's time index", () => {
  it("is partitioned by UTC day, so no partition grows forever", () => {
    expect(utcDaysBetween(new Date("2026-11-22T23:00:00Z"), new Date("2026-11-24T00:00:00Z"))).toEqual([
      "2026-11-22",
      "2026-11-23",
    ]);
    const item = toOutboxItem(anEvent("ref_1", "2026-11-23T23:59:59.999Z"));
    expect(item.occurredOn).toBe("2026-11-23");
  });
});

describe("the replay command's arguments", () => {
  it("needs a range that starts before it ends and fits in the outbox's week", () => {
    const backwards = parseCommand(
      ReplayArguments,
      ["--local", "--from", "2026-11-23T10:00:00Z", "--to", "2026-11-23T09:00:00Z"],
      {},
    );
    expect("problems" in backwards && backwards.problems).toEqual(["--to: must be after --from"]);
    const tooLong = parseCommand(
      ReplayArguments,
      ["--local", "--from", "2026-11-01T00:00:00Z", "--to", "2026-11-23T00:00:00Z"],
      {},
    );
    expect("problems" in tooLong && tooLong.problems[0]).toMatch(/at most 8 days/);
    const missing = parseCommand(ReplayArguments, ["--from", "yesterday"], {});
    expect("problems" in missing && missing.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^--from:/),
        expect.stringMatching(/^--to:/),
        expect.stringMatching(/^--bus:/),
        expect.stringMatching(/^--table:/),
      ]),
    );
  });
});
