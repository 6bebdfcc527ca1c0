import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { createEventPublisher } from "@linkwork/core/event/bus";
import { eventTypes, type TypedEvent } from "@linkwork/core/event/catalogue";
import { type Subscription, subscriptions } from "@linkwork/functions/manifest";
import {
  type BusEvent,
  createLocalBus,
  type LocalBus,
  ruleFor,
  type SubscriberHandler,
} from "@linkwork/local/event-bus";
import { matchesPattern } from "@linkwork/local/event-pattern";
import { eventBridgePath, eventBridgeRoutes } from "@linkwork/local/eventbridge-endpoint";
import { afterEach, describe, expect, it } from "vitest";

const busName = "linkwork-test-bus";

const table: Subscription[] = [
  { name: "timeline", handler: "unused", eventTypes: ["referral.received"] },
  { name: "notifications", handler: "unused", eventTypes: [] },
];

interface Harness {
  bus: LocalBus;
  received: Record<string, BusEvent[]>;
  endpoint: string;
  put(body: unknown, target?: string): Promise<{ status: number; body: Record<string, unknown> }>;
}

const closing: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

/** The bus behind the same HTTP endpoint the runtime serves, with recording subscribers. */
async function harness(
  handlers: Record<string, SubscriberHandler> = {},
  options: { deadLetterFile?: string; subscriptions?: Subscription[] } = {},
): Promise<Harness> {
  const received: Record<string, BusEvent[]> = {};
  const bus = createLocalBus({
    busName,
    region: "eu-west-2",
    subscriptions: options.subscriptions ?? table,
    retry: { attempts: 3, firstDelayMs: 5 },
    ...(options.deadLetterFile ? { deadLetterFile: options.deadLetterFile } : {}),
    loadHandler: async (subscription) => async (event, context) => {
      received[subscription.name] = [...(received[subscription.name] ?? []), event];
      await handlers[subscription.name]?.(event, context);
    },
  });
  const server = serve({ fetch: eventBridgeRoutes(bus).fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}${eventBridgePath}`;
  closing.push(async () => {
    await bus.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return {
    bus,
    received,
    endpoint,
    async put(body, target = "AWSEvents.PutEvents") {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": target },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
  };
}

function anEvent(): TypedEvent<"referral.received"> {
  return {
    id: `evt_${randomUUID()}`,
    type: "referral.received",
    occurredAt: "2026-11-23T09:30:15.123Z",
    actor: { type: "user", id: "usr_gp" },
    subject: { type: "referral", id: "ref_1" },
    data: { referralId: "ref_1", source: "gp", practiceOds: "A81001", needs: ["housing"], riskFlags: [] },
  };
}

function entry(overrides: Record<string, unknown> = {}) {
  return {
    EventBusName: busName,
    Source: "linkwork",
    DetailType: "referral.received",
    Detail: JSON.stringify(anEvent()),
    ...overrides,
  };
}

describe("the local event bus", () => {
  it("takes the relay's PutEvents and delivers an EventBridge event to each matching subscriber", async () => {
    const { bus, received, endpoint } = await harness();
    const publisher = createEventPublisher({ busName, endpoint });
    const event = anEvent();

    expect(await publisher.publish([event])).toEqual({ failedEventIds: [] });
    await bus.whenIdle();

    expect(received.timeline).toHaveLength(1);
    expect(received.timeline?.[0]).toEqual({
      version: "0",
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      "detail-type": "referral.received",
      source: "linkwork",
      account: "000000000000",
      time: "2026-11-23T09:30:15Z",
      region: "eu-west-2",
      resources: [],
      detail: event,
    });
    expect(received.notifications).toBeUndefined();
    expect(bus.deliveries()).toEqual([
      expect.objectContaining({ subscription: "timeline", attempts: 1, outcome: "delivered" }),
    ]);
  });

  it("answers PutEvents before the subscribers run, as EventBridge does", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let finished = false;
    const { bus, put } = await harness({
      timeline: async () => {
        await gate;
        finished = true;
      },
    });

    const reply = await put({ Entries: [entry()] });
    expect(reply.body).toMatchObject({ FailedEntryCount: 0 });
    expect(finished).toBe(false);
    release();
    await bus.whenIdle();
    expect(finished).toBe(true);
  });

  it("delivers an event no rule matches to nobody", async () => {
    const { bus, received, put } = await harness();

    const reply = await put({
      Entries: [
        entry({ DetailType: "referral.closed" }),
        entry({ Source: "someone.else" }),
        entry({ EventBusName: "default" }),
      ],
    });
    await bus.whenIdle();

    expect(reply.body).toMatchObject({ FailedEntryCount: 0 });
    expect(reply.body.Entries).toEqual([
      { EventId: expect.any(String) },
      { EventId: expect.any(String) },
      { EventId: expect.any(String) },
    ]);
    expect(received).toEqual({});
    expect(bus.deliveries()).toEqual([]);
  });

  it("routes by the manifest's subscription table: each event type to exactly the subscriptions naming it", async () => {
    const { bus, received, put } = await harness({}, { subscriptions: [...subscriptions] });
    // One event of every type in the catalogue; PutEvents takes ten entries a call.
    for (let start = 0; start < eventTypes.length; start += 10) {
      const types = eventTypes.slice(start, start + 10);
      await put({ Entries: types.map((type) => entry({ DetailType: type })) });
    }
    await bus.whenIdle();

    for (const subscription of subscriptions) {
      expect(ruleFor(subscription)).toEqual({
        source: ["linkwork"],
        "detail-type": [...subscription.eventTypes],
      });
      const delivered = (received[subscription.name] ?? []).map((event) => event["detail-type"]);
      expect(delivered.sort(), subscription.name).toEqual([...subscription.eventTypes].sort());
    }
    expect(Object.keys(received).sort()).toEqual(
      subscriptions
        .filter((subscription) => subscription.eventTypes.length > 0)
        .map((subscription) => subscription.name)
        .sort(),
    );
    expect(bus.accepted()).toBe(eventTypes.length);
  });

  it("retries a failing subscriber, then dead-letters the event", async () => {
    const deadLetterFile = join(tmpdir(), `linkwork-dead-letters-${randomUUID()}.jsonl`);
    const { bus, received, put } = await harness(
      {
        timeline: async () => {
          throw new Error("table unavailable");
        },
      },
      { deadLetterFile },
    );

    await put({ Entries: [entry()] });
    await bus.whenIdle();

    expect(received.timeline).toHaveLength(3);
    expect(new Set(received.timeline?.map((event) => event.id)).size).toBe(1);
    expect(bus.deadLetters()).toEqual([
      expect.objectContaining({ subscription: "timeline", attempts: 3, error: "table unavailable" }),
    ]);
    expect(bus.deliveries()).toEqual([expect.objectContaining({ outcome: "dead_lettered", attempts: 3 })]);
    expect(existsSync(deadLetterFile)).toBe(true);
    const lines = readFileSync(deadLetterFile, "utf8").trim().split("\n");
    expect(lines.map((line) => JSON.parse(line).subscription)).toEqual(["timeline"]);
  });

  it("delivers on a retry without dead-lettering when the subscriber recovers", async () => {
    let calls = 0;
    const { bus, put } = await harness({
      timeline: async () => {
        calls++;
        if (calls === 1) throw new Error("throttled");
      },
    });

    await put({ Entries: [entry()] });
    await bus.whenIdle();

    expect(bus.deliveries()).toEqual([expect.objectContaining({ outcome: "delivered", attempts: 2 })]);
    expect(bus.deadLetters()).toEqual([]);
  });

  it("refuses bad entries one by one and accepts the rest, as PutEvents does", async () => {
    const { bus, received, put } = await harness();

    const reply = await put({
      Entries: [
        entry({ Detail: "not json" }),
        entry({ Source: undefined }),
        entry({ EventBusName: "somebody-elses-bus" }),
        entry(),
      ],
    });
    await bus.whenIdle();

    expect(reply.status).toBe(200);
    expect(reply.body.FailedEntryCount).toBe(3);
    expect(reply.body.Entries).toEqual([
      expect.objectContaining({ ErrorCode: "MalformedDetail" }),
      expect.objectContaining({ ErrorCode: "InvalidArgument" }),
      expect.objectContaining({ ErrorCode: "ResourceNotFoundException" }),
      { EventId: expect.any(String) },
    ]);
    expect(received.timeline).toHaveLength(1);
  });

  it("rejects calls it does not implement and requests EventBridge would reject", async () => {
    const { put } = await harness();

    expect(await put({ Entries: [entry()] }, "AWSEvents.ListRules")).toMatchObject({
      status: 400,
      body: { __type: "UnknownOperationException" },
    });
    expect(await put({ Entries: Array.from({ length: 11 }, () => entry()) })).toMatchObject({
      status: 400,
      body: { __type: "ValidationException" },
    });
    expect(await put({ Entries: [] })).toMatchObject({
      status: 400,
      body: { __type: "ValidationException" },
    });
  });
});

describe("event patterns (exact matching, as EventBridge rules and Lambda filters use it)", () => {
  const event = {
    source: "aws.ec2",
    "detail-type": "EC2 Instance State-change Notification",
    resources: ["arn:aws:ec2:us-east-1:123456789012:instance/i-1"],
    detail: { state: "running", "instance-id": "i-1" },
  };

  it("matches when every named field holds one of the listed values", () => {
    expect(matchesPattern({ source: ["aws.ec2"], detail: { state: ["pending", "running"] } }, event)).toBe(
      true,
    );
  });

  it("does not match a different value or a missing field", () => {
    expect(matchesPattern({ source: ["aws.s3"] }, event)).toBe(false);
    expect(matchesPattern({ detail: { zone: ["a"] } }, event)).toBe(false);
    expect(matchesPattern({ detail: { state: { nested: ["x"] } } }, event)).toBe(false);
  });

  it("matches an array field when any of its elements is listed", () => {
    expect(matchesPattern({ resources: ["arn:aws:ec2:us-east-1:123456789012:instance/i-1"] }, event)).toBe(
      true,
    );
  });

  it("compares exactly: no case folding and no type coercion", () => {
    expect(matchesPattern({ source: ["AWS.EC2"] }, event)).toBe(false);
    expect(matchesPattern({ count: [5] }, { count: "5" })).toBe(false);
  });
});
