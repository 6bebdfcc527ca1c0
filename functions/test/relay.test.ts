import { marshall } from "@aws-sdk/util-dynamodb";
import type { EventPublisher } from "@linkwork/core/event/bus";
import type { EventEnvelope } from "@linkwork/core/event/catalogue";
import type { DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { createRelay } from "../src/stream/relay";

function outboxRecord(sequence: number, overrides: Record<string, unknown> = {}): DynamoDBRecord {
  const item = {
    pk: `$linkwork#eventid_evt_${sequence}`,
    sk: "$outbox_1",
    __edb_e__: "outbox",
    __edb_v__: "1",
    eventId: `evt_${sequence}`,
    type: "referral.received",
    occurredAt: "2026-11-23T09:00:00.000Z",
    actor: { type: "user", id: "usr_gp" },
    subject: { type: "referral", id: `ref_${sequence}` },
    data: {
      referralId: `ref_${sequence}`,
      source: "gp",
      practiceOds: "A81001",
      needs: ["housing"],
      riskFlags: [],
    },
    expiresAt: 1,
    ...overrides,
  };
  return {
    eventName: "INSERT",
    dynamodb: { SequenceNumber: String(sequence), NewImage: marshall(item) as never },
  };
}

function recordingPublisher(failing: Set<string> = new Set()) {
  const published: EventEnvelope[] = [];
  const publisher: EventPublisher = {
    async publish(events) {
      published.push(...events);
      return { failedEventIds: events.filter((event) => failing.has(event.id)).map((event) => event.id) };
    },
  };
  return { publisher, published };
}

const batch = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });

describe("the stream relay", () => {
  it("publishes new outbox items, in stream order, as catalogue events", async () => {
    const { publisher, published } = recordingPublisher();
    const result = await createRelay(publisher)(batch(outboxRecord(1), outboxRecord(2)));
    expect(result.batchItemFailures).toEqual([]);
    expect(published.map((event) => event.id)).toEqual(["evt_1", "evt_2"]);
    expect(published[0]).toMatchObject({ type: "referral.received", subject: { id: "ref_1" } });
  });

  it("ignores other entities, updates and deletes", async () => {
    const { publisher, published } = recordingPublisher();
    const referral = outboxRecord(1, { __edb_e__: "referral" });
    const modified = { ...outboxRecord(2), eventName: "MODIFY" as const };
    const removed = { ...outboxRecord(3), eventName: "REMOVE" as const };
    await createRelay(publisher)(batch(referral, modified, removed));
    expect(published).toEqual([]);
  });

  it("reports the first failed record so Lambda retries from there", async () => {
    const { publisher } = recordingPublisher(new Set(["evt_2", "evt_3"]));
    const result = await createRelay(publisher)(batch(outboxRecord(1), outboxRecord(2), outboxRecord(3)));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: "2" }]);
  });

  it("publishes what precedes an unreadable outbox item, then stops there rather than skip it", async () => {
    const { publisher, published } = recordingPublisher();
    const broken = outboxRecord(2, { type: "referral.teleported" });
    const result = await createRelay(publisher)(batch(outboxRecord(1), broken, outboxRecord(3)));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: "2" }]);
    expect(published.map((event) => event.id)).toEqual(["evt_1"]);
  });

  it("reports an earlier publishing failure before a later unreadable item", async () => {
    const { publisher } = recordingPublisher(new Set(["evt_1"]));
    const broken = outboxRecord(2, { type: "referral.teleported" });
    const result = await createRelay(publisher)(batch(outboxRecord(1), broken));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: "1" }]);
  });
});
