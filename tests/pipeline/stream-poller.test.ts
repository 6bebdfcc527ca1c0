import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEvent, toOutboxItem } from "@linkwork/core/event/outbox";
import {
  outboxEventFromStreamImage,
  outboxStreamFilter,
  type StreamImage,
} from "@linkwork/core/event/outbox-record";
import { createStreamPoller, type StreamHandler, type StreamPoller } from "@linkwork/local/stream-poller";
import type { DynamoDBRecord } from "aws-lambda";
import { afterEach, describe, expect, it } from "vitest";
import { eventually } from "../local/eventually";
import { aUser } from "../support/builders";
import { createTestContext } from "../support/database";

type Setup = Awaited<ReturnType<typeof createTestContext>>;

const pollers: StreamPoller[] = [];
afterEach(async () => {
  for (const poller of pollers.splice(0)) await poller.stop();
});

function startPoller(setup: Setup, handler: StreamHandler, options: { checkpointFile?: string } = {}) {
  const poller = createStreamPoller({
    endpoint: setup.endpoint,
    tableName: setup.tableName,
    handler,
    filter: outboxStreamFilter,
    pollIntervalMs: 50,
    retry: { attempts: 3, firstDelayMs: 5, maxDelayMs: 20 },
    ...options,
  });
  pollers.push(poller);
  poller.start();
  return poller;
}

/** Writes an outbox item, as a use case does beside its change, and returns its event id. */
async function writeEvent(setup: Setup, referralId = `ref_${randomUUID()}`): Promise<string> {
  const event = createEvent("referral.received", {
    actor: aUser(),
    at: setup.clock.now(),
    subject: { type: "referral", id: referralId },
    data: { referralId, source: "gp", practiceOds: "A81001", needs: ["housing"], riskFlags: [] },
  });
  await setup.db.entities.outbox.create(toOutboxItem(event)).go();
  return event.id;
}

function eventIdOf(record: DynamoDBRecord): string {
  return outboxEventFromStreamImage(record.dynamodb?.NewImage as StreamImage).id;
}

/** A handler that records each batch it is given, as event ids, and answers as told. */
function recorder(
  answer: (
    batch: DynamoDBRecord[],
    call: number,
  ) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }> = async () => ({ batchItemFailures: [] }),
) {
  const batches: string[][] = [];
  const handler: StreamHandler = async (event) => {
    batches.push(event.Records.map(eventIdOf));
    return answer(event.Records, batches.length);
  };
  return { batches, handler, delivered: () => batches.flat() };
}

describe("the stream poller (Lambda's DynamoDB event source mapping, locally)", () => {
  it("hands new outbox items to the handler as Lambda stream records, and nothing else", async () => {
    const setup = await createTestContext();
    const { handler, batches, delivered } = recorder();
    const records: DynamoDBRecord[] = [];
    const poller = startPoller(setup, async (event, context) => {
      records.push(...event.Records);
      return handler(event, context);
    });

    const at = setup.clock.now().toISOString();
    await setup.db.entities.organisation
      .create({
        organisationId: "org_x",
        version: 1,
        name: "X",
        kind: "vcs",
        acceptsReferrals: true,
        createdAt: at,
        updatedAt: at,
      })
      .go();
    const eventId = await writeEvent(setup);
    await setup.db.entities.outbox.patch({ eventId }).set({ expiresAt: 1 }).go();
    await setup.db.entities.outbox.delete({ eventId }).go();

    await eventually(async () => (delivered().length > 0 ? true : undefined), { what: "the outbox record" });
    await poller.whenCaughtUp();

    expect(batches).toEqual([[eventId]]);
    const [record] = records;
    expect(record).toMatchObject({
      eventName: "INSERT",
      eventSource: "aws:dynamodb",
      eventVersion: "1.1",
      awsRegion: expect.any(String),
      eventSourceARN: expect.stringContaining(`table/${setup.tableName}/stream/`),
      dynamodb: {
        ApproximateCreationDateTime: expect.any(Number),
        SequenceNumber: expect.any(String),
        SizeBytes: expect.any(Number),
        StreamViewType: "NEW_AND_OLD_IMAGES",
        Keys: { pk: { S: expect.any(String) }, sk: { S: expect.any(String) } },
        NewImage: { __edb_e__: { S: "outbox" }, eventId: { S: eventId } },
      },
    });
  });

  it("retries from the first record the handler reports as failed, as Lambda does", async () => {
    const setup = await createTestContext();
    const first = await writeEvent(setup);
    const second = await writeEvent(setup);
    const third = await writeEvent(setup);
    const { handler, batches } = recorder(async (batch, call) => ({
      batchItemFailures: call === 1 ? [{ itemIdentifier: batch[1]?.dynamodb?.SequenceNumber ?? "" }] : [],
    }));
    const poller = startPoller(setup, handler);

    await eventually(async () => (batches.length >= 2 ? true : undefined), { what: "the retried batch" });
    await poller.whenCaughtUp();

    expect(batches).toEqual([
      [first, second, third],
      [second, third],
    ]);
  });

  it("retries a batch whose handler throws, then gives up on it and carries on with the stream", async () => {
    const setup = await createTestContext();
    const poison = await writeEvent(setup);
    const { handler, batches, delivered } = recorder(async (batch) => {
      if (batch.some((record) => eventIdOf(record) === poison)) throw new Error("relay is down");
      return { batchItemFailures: [] };
    });
    const poller = startPoller(setup, handler);

    const [failure] = await eventually(
      async () => {
        const failed = poller.failedBatches();
        return failed.length > 0 ? failed : undefined;
      },
      { what: "the batch to be given up on" },
    );
    expect(failure).toMatchObject({ attempts: 3, records: 1, error: "relay is down" });
    expect(batches).toEqual([[poison], [poison], [poison]]);

    const next = await writeEvent(setup);
    await eventually(async () => (delivered().includes(next) ? true : undefined), { what: "the next event" });
    await poller.whenCaughtUp();
    expect(batches.slice(3)).toEqual([[next]]);
  });

  it("resumes after the last record it handled when restarted with its checkpoints", async () => {
    const setup = await createTestContext();
    const checkpointFile = join(tmpdir(), `linkwork-checkpoints-${randomUUID()}.json`);
    const before = [await writeEvent(setup), await writeEvent(setup)];

    const firstRun = recorder();
    const firstPoller = startPoller(setup, firstRun.handler, { checkpointFile });
    await eventually(async () => (firstRun.delivered().length === 2 ? true : undefined), {
      what: "the first run",
    });
    await firstPoller.whenCaughtUp();
    await firstPoller.stop();
    expect(firstRun.delivered()).toEqual(before);

    const whileStopped = await writeEvent(setup);
    const secondRun = recorder();
    const secondPoller = startPoller(setup, secondRun.handler, { checkpointFile });
    await eventually(async () => (secondRun.delivered().length > 0 ? true : undefined), {
      what: "the second run",
    });
    await secondPoller.whenCaughtUp();
    expect(secondRun.delivered()).toEqual([whileStopped]);

    const fresh = recorder();
    const freshPoller = startPoller(setup, fresh.handler);
    await eventually(async () => (fresh.delivered().length === 3 ? true : undefined), {
      what: "a poller without checkpoints",
    });
    await freshPoller.whenCaughtUp();
    expect(fresh.delivered()).toEqual([...before, whileStopped]);
  });
});
