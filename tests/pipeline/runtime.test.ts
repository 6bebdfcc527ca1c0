import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  outboxEventFromStreamImage,
  outboxStreamFilter,
  type StreamImage,
} from "@linkwork/core/event/outbox-record";
import { handlerPaths, subscriptions } from "@linkwork/functions/manifest";
import { loadHandler } from "@linkwork/local/handlers";
import { type LocalRuntime, startLocalRuntime } from "@linkwork/local/runtime";
import { createStreamPoller, type StreamHandler } from "@linkwork/local/stream-poller";
import type { DynamoDBRecord } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../local/eventually";
import { runtimeClient, type TimelineItem } from "../local/runtime-client";
import { aReferral } from "../support/builders";

const gp = "gp@linkwork.test";
const coordinator = "coordinator@linkwork.test";

let runtime: LocalRuntime;
let client: ReturnType<typeof runtimeClient>;
const webRoot = mkdtempSync(join(tmpdir(), "linkwork-web-"));

beforeAll(async () => {
  mkdirSync(join(webRoot, "assets"));
  writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>Linkwork</title><div id=app></div>");
  writeFileSync(join(webRoot, "assets", "app-1a2b.js"), "console.info('app')");
  runtime = await startLocalRuntime({ port: 0, webRoot });
  client = runtimeClient(runtime);
}, 120_000);

afterAll(() => runtime?.stop(), 60_000);

async function timeline(referralId: string, as = gp) {
  const response = await client.call<{ items: TimelineItem[] }>(
    "GET",
    `/api/referrals/${referralId}/timeline`,
    { as },
  );
  expect(response.status).toBe(200);
  return response.body.items;
}

async function refer(): Promise<string> {
  const response = await client.call<{ id: string }>("POST", "/api/referrals", { as: gp, body: aReferral() });
  expect(response.status).toBe(201);
  return response.body.id;
}

/** The stream records of one referral's events, read from the table's stream as the relay gets them. */
async function streamRecordsFor(referralId: string): Promise<DynamoDBRecord[]> {
  const seen: DynamoDBRecord[] = [];
  const capture: StreamHandler = async (event) => {
    seen.push(...event.Records);
    return { batchItemFailures: [] };
  };
  const reader = createStreamPoller({
    endpoint: runtime.dynamodb.endpoint,
    tableName: runtime.tableName,
    handler: capture,
    filter: outboxStreamFilter,
    pollIntervalMs: 50,
  });
  reader.start();
  try {
    await reader.whenCaughtUp();
  } finally {
    await reader.stop();
  }
  return seen.filter(
    (record) =>
      outboxEventFromStreamImage(record.dynamodb?.NewImage as StreamImage).subject.id === referralId,
  );
}

describe("the local runtime", () => {
  it("answers on one port, with the API under /api", async () => {
    expect(runtime.url).toMatch(/^http:\/\/localhost:\d+$/);
    expect(await client.call("GET", "/api/health")).toMatchObject({ status: 200, body: { status: "ok" } });
    expect((await client.call("GET", "/api/openapi.json")).body).toMatchObject({ openapi: "3.1.0" });
  });

  it("signs in a demo user with a dev token that the API accepts", async () => {
    const me = await client.call("GET", "/api/me", { as: coordinator });
    expect(me).toMatchObject({
      status: 200,
      body: { email: coordinator, roles: ["triage_coordinator"], organisationId: expect.any(String) },
    });
    const jwks = await client.call<{ keys: Array<{ kty: string; alg: string }> }>(
      "GET",
      "/auth/dev/jwks.json",
    );
    expect(jwks.body.keys).toEqual([expect.objectContaining({ kty: "RSA", alg: "RS256" })]);
    expect(
      (await client.call("POST", "/auth/dev/token", { body: { email: "nobody@linkwork.test" } })).status,
    ).toBe(404);
    expect((await client.call("GET", "/api/me")).status).toBe(401);
  });

  it("puts a new referral's referral.received on its timeline through the event pipeline", async () => {
    const referralId = await refer();

    const items = await eventually(
      async () => {
        const entries = await timeline(referralId);
        return entries.length > 0 ? entries : undefined;
      },
      { what: "referral.received on the timeline" },
    );

    expect(items).toEqual([
      expect.objectContaining({ type: "referral.received", actorId: expect.stringMatching(/^usr_/) }),
    ]);
    expect(items[0]?.data).toMatchObject({ referralId, source: "gp" });
  });

  it("delivers each event to exactly the subscriptions the manifest routes its type to", async () => {
    const referralId = await refer();
    const [record] = await streamRecordsFor(referralId);
    const event = outboxEventFromStreamImage(record?.dynamodb?.NewImage as StreamImage);
    await runtime.settled();

    const delivered = runtime.bus
      .deliveries()
      .filter((delivery) => delivery.event.detail.id === event.id)
      .map((delivery) => delivery.subscription);
    const routed = subscriptions.filter((subscription) => subscription.eventTypes.includes(event.type));
    expect(routed.length).toBeGreaterThan(0);
    expect(delivered.sort()).toEqual(routed.map((subscription) => subscription.name).sort());
  });

  it("records an event once even when the relay delivers its batch twice", async () => {
    const referralId = await refer();
    await eventually(async () => ((await timeline(referralId)).length > 0 ? true : undefined), {
      what: "the first delivery",
    });
    const records = await streamRecordsFor(referralId);
    expect(records).toHaveLength(1);
    const eventId = outboxEventFromStreamImage(records[0]?.dynamodb?.NewImage as StreamImage).id;

    const relay = await loadHandler<StreamHandler>(handlerPaths.relay);
    expect(await relay({ Records: records }, {} as never)).toEqual({ batchItemFailures: [] });
    await runtime.settled();

    const deliveriesOfEvent = runtime.bus
      .deliveries()
      .filter((delivery) => delivery.subscription === "timeline" && delivery.event.detail.id === eventId);
    expect(deliveriesOfEvent.map((delivery) => delivery.outcome)).toEqual(["delivered", "delivered"]);
    expect(await timeline(referralId)).toEqual([
      expect.objectContaining({ id: eventId, type: "referral.received" }),
    ]);
  });

  it("seeds the demo world, whose referrals reach their timelines too", async () => {
    // Seven referrals in the triage and MDT stories, and three demo cases (demo-casework.ts).
    expect(runtime.seeded).toMatchObject({ organisations: expect.any(Number), referrals: 10 });
    const queue = await client.call<{ items: Array<{ id: string; referrerId?: string; status: string }> }>(
      "GET",
      "/api/referrals",
      {
        as: coordinator,
      },
    );
    const seeded = queue.body.items.filter((referral) => referral.referrerId === "usr_gp");
    expect(seeded.length).toBeGreaterThanOrEqual(10);
    await runtime.settled();
    // The two the MDT's last meeting discussed were received and triaged weeks before it; the
    // three demo cases are further on (accepted, active, closed); the rest (and those the tests
    // above referred) wait in the triage queue.
    const discussed = seeded.filter((referral) => referral.status === "triaged");
    expect(discussed).toHaveLength(2);
    for (const referral of discussed) {
      expect((await timeline(referral.id, coordinator)).map((entry) => entry.type)).toEqual([
        "referral.received",
        "referral.triaged",
        "referral.discussed_at_mdt",
      ]);
    }
    for (const referral of seeded.filter((referral) => referral.status === "received")) {
      expect(await timeline(referral.id, coordinator)).toEqual([
        expect.objectContaining({ type: "referral.received" }),
      ]);
    }
    const [closed] = seeded.filter((referral) => referral.status === "closed");
    const closedTimeline = (await timeline(closed?.id ?? "", coordinator)).map((entry) => entry.type);
    expect(closedTimeline).toEqual(expect.arrayContaining(["case.measure_recorded", "referral.closed"]));
    expect(runtime.bus.deadLetters()).toEqual([]);
    expect(runtime.stream.failedBatches()).toEqual([]);
  });

  it("serves the web app, with index.html for the app's own pages", async () => {
    const home = await client.call("GET", "/");
    expect(home.status).toBe(200);
    expect(home.body).toContain("<title>Linkwork</title>");
    const deepLink = await client.call("GET", "/referrals/ref_123", { headers: { accept: "text/html" } });
    expect(deepLink.body).toContain("<title>Linkwork</title>");
    const script = await client.call("GET", "/assets/app-1a2b.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toContain("javascript");
    expect((await client.call("GET", "/assets/missing.js")).status).toBe(404);
    expect((await client.call("GET", "/auth/dev/elsewhere")).status).toBe(404);
  });

  it("refuses to start a second runtime in the same process", async () => {
    await expect(startLocalRuntime({ port: 0 })).rejects.toThrow(/already running/);
  });

  it("stops DynamoDB Local and the server when stopped", async () => {
    const pid = runtime.dynamodb.pid;
    expect(pid).toBeGreaterThan(0);
    await runtime.stop();

    expect(isRunning(pid as number)).toBe(false);
    await expect(fetch(`${runtime.url}/api/health`)).rejects.toThrow();
  });
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
