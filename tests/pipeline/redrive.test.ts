import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EventPublisher } from "@linkwork/core/event/bus";
import { createEvent, outboxEventsBetween, toOutboxItem } from "@linkwork/core/event/outbox";
import { createLocalBus } from "@linkwork/local/event-bus";
import type { DeadLetterQueue, QueuedMessage } from "@linkwork/local/ops/dead-letter-queue";
import { localDeadLetterQueue } from "@linkwork/local/ops/local-dead-letter-queue";
import { redrive, replayWindow } from "@linkwork/local/ops/redrive";
import { isComplete, replay } from "@linkwork/local/ops/replay";
import { afterEach, describe, expect, it } from "vitest";
import { aReceivedEvent, busEventOf } from "../local/dead-letter-fixtures";
import { type RecoveryHarness, recoveryHarness } from "../local/recovery-harness";

const closing: RecoveryHarness[] = [];
afterEach(async () => {
  for (const harness of closing.splice(0)) await harness.close();
});

async function harness(options: { deadLetterFile?: string } = {}) {
  const created = await recoveryHarness(options);
  closing.push(created);
  return created;
}

const noWaiting = { sleep: async () => undefined, random: () => 0.5 };
const quickly = { attempts: 3, baseDelayMs: 0, maxDelayMs: 0 };

describe("dead-letter redrive against the local runtime", () => {
  it("an event the timeline failed on lands in the dead letters; redrive delivers it once and removes it", async () => {
    const { bus, publisher, runtimeUrl, breakTimeline, timelineOf } = await harness();
    const event = aReceivedEvent();
    breakTimeline(true);
    expect(await publisher.publish([event])).toEqual({ failedEventIds: [] });
    await bus.whenIdle();
    expect(bus.deadLetters()).toEqual([expect.objectContaining({ subscription: "timeline" })]);
    expect(await timelineOf(event.subject.id)).toEqual([]);

    breakTimeline(false);
    const lines: string[] = [];
    const summary = await redrive({
      queue: localDeadLetterQueue({ runtimeUrl }),
      publisher,
      backoff: quickly,
      waiting: noWaiting,
      log: (line) => lines.push(line),
    });
    await bus.whenIdle();

    expect(summary).toEqual({ redelivered: 1, failed: 0, left: 0, replayRanges: [] });
    expect(await timelineOf(event.subject.id)).toEqual([event.id]);
    expect(bus.deadLetters()).toEqual([]);
    expect(lines.at(-1)).toMatch(/1 redelivered, 0 failed, 0 left/);
  });

  it("a second redrive finds nothing, and an event delivered twice is still on the timeline once", async () => {
    const { bus, publisher, runtimeUrl, breakTimeline, timelineOf } = await harness();
    const event = aReceivedEvent();
    breakTimeline(true);
    await publisher.publish([event]);
    await bus.whenIdle();
    breakTimeline(false);
    // The original delivery may have half-succeeded: the same event arrives by another route too.
    await publisher.publish([event]);
    await bus.whenIdle();

    const first = await redrive({
      queue: localDeadLetterQueue({ runtimeUrl }),
      publisher,
      backoff: quickly,
      waiting: noWaiting,
    });
    await bus.whenIdle();
    const second = await redrive({
      queue: localDeadLetterQueue({ runtimeUrl }),
      publisher,
      backoff: quickly,
      waiting: noWaiting,
    });

    expect(first.redelivered).toBe(1);
    expect(second).toEqual({ redelivered: 0, failed: 0, left: 0, replayRanges: [] });
    expect(await timelineOf(event.subject.id)).toEqual([event.id]);
  });

  it("keeps a message the bus refuses every attempt, retrying with capped, jittered waits", async () => {
    const { bus, publisher, runtimeUrl, breakTimeline } = await harness();
    const event = aReceivedEvent();
    breakTimeline(true);
    await publisher.publish([event]);
    await bus.whenIdle();

    const refusing: EventPublisher = {
      publish: async (events) => ({ failedEventIds: events.map((e) => e.id) }),
    };
    const waits: number[] = [];
    const summary = await redrive({
      queue: localDeadLetterQueue({ runtimeUrl }),
      publisher: refusing,
      backoff: { attempts: 4, baseDelayMs: 100, maxDelayMs: 250 },
      waiting: { sleep: async (ms) => void waits.push(ms), random: () => 0.999 },
    });

    expect(summary).toMatchObject({ redelivered: 0, failed: 1 });
    expect(waits).toEqual([99, 199, 249]);
    expect(bus.deadLetters()).toHaveLength(1);
  });

  it("redelivers once the bus accepts on a later attempt", async () => {
    const { bus, publisher, runtimeUrl, breakTimeline, timelineOf } = await harness();
    const event = aReceivedEvent();
    breakTimeline(true);
    await publisher.publish([event]);
    await bus.whenIdle();
    breakTimeline(false);

    let calls = 0;
    const flaky: EventPublisher = {
      publish: async (events) =>
        ++calls < 3 ? { failedEventIds: events.map((e) => e.id) } : publisher.publish(events),
    };
    const summary = await redrive({
      queue: localDeadLetterQueue({ runtimeUrl }),
      publisher: flaky,
      backoff: quickly,
      waiting: noWaiting,
    });
    await bus.whenIdle();

    expect(summary.redelivered).toBe(1);
    expect(calls).toBe(3);
    expect(await timelineOf(event.subject.id)).toEqual([event.id]);
  });

  it("local dead letters outlive a restart, and a redriven one leaves the file", async () => {
    const deadLetterFile = join(tmpdir(), `linkwork-dead-letters-${randomUUID()}.jsonl`);
    const first = await harness({ deadLetterFile });
    const event = aReceivedEvent();
    first.breakTimeline(true);
    await first.publisher.publish([event]);
    await first.bus.whenIdle();
    await first.close();
    closing.splice(closing.indexOf(first), 1);

    const restarted = await harness({ deadLetterFile });
    expect(restarted.bus.deadLetters()).toEqual([expect.objectContaining({ subscription: "timeline" })]);
    await redrive({
      queue: localDeadLetterQueue({ runtimeUrl: restarted.runtimeUrl }),
      publisher: restarted.publisher,
      backoff: quickly,
      waiting: noWaiting,
    });
    await restarted.bus.whenIdle();
    expect(readFileSync(deadLetterFile, "utf8")).toBe("");
    expect(await restarted.timelineOf(event.subject.id)).toEqual([event.id]);
  });
});

/** A queue holding given messages, as SQS would hand them out: what is removed is gone. */
function queueOf(bodies: string[]): DeadLetterQueue & { remaining(): string[] } {
  const messages: QueuedMessage[] = bodies.map((body) => ({
    handle: randomUUID(),
    messageId: randomUUID(),
    body,
  }));
  const handedOut = new Set<string>();
  return {
    name: "a queue",
    async receive(max) {
      const waiting = messages.filter((message) => !handedOut.has(message.handle)).slice(0, max);
      for (const message of waiting) handedOut.add(message.handle);
      return waiting;
    },
    async remove(message) {
      messages.splice(messages.indexOf(message), 1);
    },
    async release(message) {
      handedOut.delete(message.handle);
    },
    remaining: () => messages.map((message) => message.body),
  };
}

function relayFailure(first: string, last: string, batchSize: number) {
  return JSON.stringify({
    requestContext: {
      requestId: randomUUID(),
      functionArn: "arn:aws:lambda:eu-west-2:123456789012:function:prod-linkwork-Relay",
      condition: "RetryAttemptsExhausted",
      approximateInvokeCount: 6,
    },
    responseContext: { statusCode: 200, executedVersion: "$LATEST", functionError: "Unhandled" },
    version: "1.0",
    timestamp: last,
    DDBStreamBatchInfo: {
      shardId: "shardId-00000001",
      startSequenceNumber: "100",
      endSequenceNumber: "125",
      approximateArrivalOfFirstRecord: first,
      approximateArrivalOfLastRecord: last,
      batchSize,
      streamArn: "arn:aws:dynamodb:eu-west-2:123456789012:table/t/stream/2026",
    },
  });
}

describe("a relay failure in the dead letters", () => {
  it("is replayed from the outbox over its batch's time range, then removed", async () => {
    const { bus, context, publisher, timelineOf } = await harness();
    const referralId = `ref_${randomUUID()}`;
    const occurredAt = Date.now() - 10 * 60 * 1000;
    const lost = createEvent("referral.received", {
      actor: { type: "system", name: "test" },
      subject: { type: "referral", id: referralId },
      data: { referralId, source: "gp", needs: ["housing"], riskFlags: [] },
      at: new Date(occurredAt),
    });
    await context.db.entities.outbox.create(toOutboxItem(lost)).go();
    // The stream saw the item arrive just after its event was stamped, to the second.
    const arrived = new Date(occurredAt + 40).toISOString().replace(/\.\d{3}Z$/, "Z");
    const queue = queueOf([relayFailure(arrived, arrived, 1)]);

    const summary = await redrive({
      queue,
      publisher,
      backoff: quickly,
      waiting: noWaiting,
      replayRange: async (range) =>
        isComplete(
          await replay({ events: outboxEventsBetween(context.db, range), publisher, backoff: quickly }),
        ),
    });
    await bus.whenIdle();

    expect(summary).toEqual({ redelivered: 1, failed: 0, left: 0, replayRanges: [] });
    expect(queue.remaining()).toEqual([]);
    expect(await timelineOf(referralId)).toEqual([lost.id]);
  });

  it("without a table to replay from, stays in the queue and names the range to replay", async () => {
    const queue = queueOf([relayFailure("2026-11-23T09:00:00Z", "2026-11-23T09:05:00Z", 25)]);
    const summary = await redrive({
      queue,
      publisher: { publish: async () => ({ failedEventIds: [] }) },
      backoff: quickly,
      waiting: noWaiting,
    });
    expect(summary).toEqual({
      redelivered: 0,
      failed: 0,
      left: 1,
      replayRanges: [{ from: "2026-11-23T08:59:00.000Z", to: "2026-11-23T09:05:01.000Z" }],
    });
    expect(queue.remaining()).toHaveLength(1);
    expect(replayWindow({ from: "2026-11-23T09:00:00Z", to: "2026-11-23T09:05:00Z" })).toEqual({
      from: new Date("2026-11-23T08:59:00.000Z"),
      to: new Date("2026-11-23T09:05:01.000Z"),
    });
  });
});

describe("a dead letter without an id (written before redrive existed)", () => {
  it("is given one when the bus starts, so it can be redriven", async () => {
    const deadLetterFile = join(tmpdir(), `linkwork-dead-letters-${randomUUID()}.jsonl`);
    const old = {
      at: "2026-11-23T09:31:00.000Z",
      subscription: "timeline",
      attempts: 3,
      error: "boom",
      event: busEventOf(aReceivedEvent()),
    };
    writeFileSync(deadLetterFile, `${JSON.stringify(old)}\n`);
    const bus = createLocalBus({
      busName: "b",
      region: "eu-west-2",
      subscriptions: [],
      deadLetterFile,
      loadHandler: async () => async () => undefined,
    });
    expect(bus.deadLetters()).toEqual([
      expect.objectContaining({ id: expect.any(String), subscription: "timeline" }),
    ]);
    await bus.close();
  });
});
