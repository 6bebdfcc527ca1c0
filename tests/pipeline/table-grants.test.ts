import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DynamoDBClient, paginateScan } from "@aws-sdk/client-dynamodb";
import {
  isOutboxImage,
  outboxEventFromStreamImage,
  type StreamImage,
} from "@linkwork/core/event/outbox-record";
import { handlerPaths, schedules, subscriptions } from "@linkwork/functions/manifest";
import { loadHandler } from "@linkwork/local/handlers";
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  apiTableActions,
  subscriberTableActions,
  sweepTableActions,
  webSocketTableActions,
} from "../../infra/table-actions";
import {
  aTicket,
  connectWorkload,
  disconnectWorkload,
  grantsTicket,
  messageWorkload,
  notifierWorkload,
  startConnectionsEndpoint,
} from "../live/grants-workloads";
import { type ApiHarness, createApiHarness } from "../support/api";
import { aReferral } from "../support/builders";
import { testEndpoint } from "../support/database";
import { type DynamoDbRecorder, startDynamoDbRecorder } from "../support/dynamodb-recorder";
import { journey, triage } from "../support/journey";
import { seedStaff, team } from "../support/world";

/**
 * Each deployed handler is granted a fixed list of DynamoDB actions (infra/table-actions.ts, applied by infra/access.ts). Locally
 * nothing enforces them, so a handler that starts making another call works here and fails in AWS.
 * Every handler runs a representative workload behind a proxy that records what it asks of the
 * table, and the record is compared with its grants, both ways.
 */
let recorder: DynamoDbRecorder;
let api: ApiHarness;
let eventBridge: Server;

beforeAll(async () => {
  recorder = await startDynamoDbRecorder(testEndpoint());
  eventBridge = await acceptingEventBridge();
  api = await createApiHarness({ handlerDynamodbEndpoint: recorder.endpoint });
  await seedStaff(api.context);
  Object.assign(process.env, {
    EVENT_BUS_NAME: "linkwork-grants",
    EVENTBRIDGE_ENDPOINT: `http://127.0.0.1:${(eventBridge.address() as AddressInfo).port}`,
  });
  await recorder.during("api", apiWorkload);
  await recorder.during("relay", relayWorkload);
  await recorder.during("timeline", timelineWorkload);
  await recorder.during("api", () => readTimelines());
  await recorder.during("service-levels", sweepWorkload);
  const connections = await startConnectionsEndpoint("grantsOpen01=");
  process.env.LIVE_CONNECTIONS_ENDPOINT = connections.url;
  await aTicket(api.context, grantsTicket);
  await recorder.during("$connect", () => connectWorkload("grantsSocket01=", grantsTicket));
  await recorder.during("$default", () => messageWorkload("grantsSocket01="));
  await recorder.during("$disconnect", () => disconnectWorkload("grantsSocket01="));
  await recorder.during("live", () =>
    notifierWorkload(api.context, { open: "grantsOpen01=", gone: "grantsGone01=" }),
  );
  await connections.close();
}, 120_000);

afterAll(async () => {
  vi.useRealTimers();
  await api?.close();
  await recorder?.close();
  await new Promise<void>((resolve) => (eventBridge ? eventBridge.close(() => resolve()) : resolve()));
});

const referralIds: string[] = [];
const { post } = journey(() => api);

async function call(method: string, path: string, options: Parameters<ApiHarness["call"]>[2] = {}) {
  const response = await api.call(method, path, options);
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBeLessThan(500);
  return response;
}

async function refer(overrides = {}) {
  const response = await call("POST", "/api/referrals", { as: team.gp, body: aReferral(overrides) });
  expect(response.status).toBe(201);
  referralIds.push(response.body.id);
  return response.body as { id: string; version: number };
}

async function act(
  referral: { id: string; version: number },
  action: string,
  as = team.coordinator,
  body = {},
) {
  const response = await post(`/api/referrals/${referral.id}/${action}`, as, {
    version: referral.version,
    ...body,
  });
  expect(response.status, `${action}: ${JSON.stringify(response.body)}`).toBe(200);
  return response.body as { id: string; version: number };
}

/** The case's writes: a referral update, a condition check on the referral, the escalation queue. */
async function casework(referralId: string) {
  const path = `/api/referrals/${referralId}`;
  const as = team.vcsWorker;
  await call("POST", `${path}/contacts`, {
    as,
    body: { at: new Date().toISOString(), method: "phone", outcome: "no_answer" },
  });
  await call("GET", `${path}/case`, { as });
  await call("POST", `${path}/connections`, {
    as,
    body: { serviceName: "Lunch club", sector: "vcs", need: "loneliness_isolation" },
  });
  const raised = await call("POST", `${path}/escalations`, {
    as,
    body: { to: "gp", note: "Medication review" },
  });
  await call("GET", "/api/escalations", { as: team.coordinator });
  await call("POST", `${path}/escalations/${raised.body.escalation.escalationId}/resolve`, {
    as: team.coordinator,
    body: { version: 1, note: "GP practice told" },
  });
  await call("GET", "/api/settings/casework", { as });
}

/** The whole referral journey and every route family, with the refusals and retries that take other paths. */
async function apiWorkload() {
  for (const path of ["/api/health", "/api/openapi.json", "/api/practices"]) await call("GET", path);
  await call("GET", "/api/me", { as: team.coordinator });
  await call("GET", "/api/organisations", { as: team.coordinator });

  const body = aReferral();
  const headers = { "idempotency-key": "grants-first-referral" };
  const first = await call("POST", "/api/referrals", { as: team.gp, body, headers });
  referralIds.push(first.body.id);
  await call("POST", "/api/referrals", { as: team.gp, body, headers });
  await call("POST", "/api/referrals", { as: team.gp, body: aReferral(), headers });
  // The same person again: a known person, with another open referral.
  await refer({ person: body.person });

  const triaged = await act(first.body, "triage", team.coordinator, triage);
  await call("GET", `/api/referrals/${first.body.id}/allocation-options`, { as: team.coordinator });
  const allocated = await act(triaged, "allocate", team.coordinator, {
    organisationId: team.vcsManager.organisationId,
  });
  await call("POST", `/api/referrals/${first.body.id}/accept`, {
    as: team.vcsManager,
    body: { version: allocated.version - 1 },
  });
  const accepted = await act(allocated, "accept", team.vcsManager);
  const claimed = await act(accepted, "claim", team.vcsWorker);
  await casework(first.body.id);
  const contacted = await act(claimed, "first-contact", team.vcsWorker);
  const closed = await act(contacted, "close", team.vcsWorker, {
    reason: "goals_met",
    summary: "Joined the walking group",
  });
  await act(closed, "reopen", team.vcsManager, { reason: "Asked for more support" });

  const declined = await refer();
  const declinedTriaged = await act(declined, "triage", team.coordinator, triage);
  const declinedAllocated = await act(declinedTriaged, "allocate", team.coordinator, {
    organisationId: team.vcsManager.organisationId,
  });
  await act(declinedAllocated, "decline", team.vcsManager, { reason: "No space until January" });
  await act(await refer(), "signpost", team.coordinator, { note: "Information only" });
  await act(await refer(), "withdraw", team.gp, { reason: "Referred by mistake" });

  // Left for the sweep: one to triage, one allocated and never accepted, one never contacted.
  await refer();
  const waiting = await act(
    await act(await refer(), "triage", team.coordinator, triage),
    "allocate",
    team.coordinator,
    {
      organisationId: team.vcsManager.organisationId,
    },
  );
  const unclaimed = await act(await refer(), "triage", team.coordinator, triage);
  const unclaimedAllocated = await act(unclaimed, "allocate", team.coordinator, {
    organisationId: team.vcsManager.organisationId,
  });
  await act(await act(unclaimedAllocated, "accept", team.vcsManager), "claim", team.vcsWorker);
  expect(waiting.id).toBeTruthy();

  for (const query of ["status=received", "status=triaged&priority=soon", "overdue=true", "need=housing"]) {
    const page = await call("GET", `/api/referrals?${query}`, { as: team.coordinator });
    if (page.body.nextCursor) {
      await call("GET", `/api/referrals?${query}&cursor=${encodeURIComponent(page.body.nextCursor)}`, {
        as: team.coordinator,
      });
    }
  }
  await call("GET", "/api/referrals", { as: team.gp });
  await call("GET", `/api/referrals/${first.body.id}`, { as: team.coordinator });
  await call("GET", `/api/referrals/${first.body.id}`, { as: team.pcnManager });

  const capacity = `/api/link-workers/${team.vcsWorker.userId}/capacity`;
  await call("PUT", capacity, { as: team.vcsManager, body: { caseloadLimit: 32 } });
  await call("GET", `/api/organisations/${team.vcsManager.organisationId}/link-workers`, {
    as: team.vcsManager,
  });
  await call("GET", "/api/caseload", { as: team.vcsWorker });

  const settings = await call("GET", "/api/settings/service-levels", { as: team.admin });
  const { version, ...values } = settings.body;
  await call("PUT", "/api/settings/service-levels", { as: team.admin, body: { ...values, version } });
  await call("PUT", "/api/settings/service-levels", { as: team.admin, body: { ...values, version } });

  const { nhsNumber: _none, ...person } = aReferral().person;
  const selfReferral = {
    person: { ...person, email: "grants@example.com" },
    reason: "I would like to meet people nearby.",
    needs: ["loneliness_isolation"],
    consent: { shareWithProviders: true },
  };
  const selfHeaders = { "idempotency-key": "grants-self-referral" };
  await call("POST", "/api/self-referrals", {
    body: selfReferral,
    headers: selfHeaders,
    sourceIp: "192.0.2.40",
  });
  await call("POST", "/api/self-referrals", {
    body: selfReferral,
    headers: selfHeaders,
    sourceIp: "192.0.2.40",
  });
  for (let attempt = 0; attempt < 6; attempt++) {
    await call("POST", "/api/self-referrals", { body: selfReferral, sourceIp: "192.0.2.41" });
  }
  await meetingOutcomesWorkload();
}

/** An MDT meeting's outcomes: one person decided with an action, one carried over by the end. */
async function meetingOutcomesWorkload() {
  const send = (path: string, as: typeof team.gp, body: unknown) => call("POST", path, { as, body });
  const mdt = await call("POST", "/api/mdts", {
    as: team.admin,
    body: {
      name: "Grants MDT",
      practices: ["A81001"],
      chairUserId: team.gp.userId,
      memberUserIds: [team.vcsWorker.userId],
      cadenceDays: 14,
    },
  });
  const startsAt = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString();
  const meeting = await call("POST", `/api/mdts/${mdt.body.id}/meetings`, {
    as: team.gp,
    body: { startsAt, durationMinutes: 60 },
  });
  const items = [];
  for (const referral of [await refer(), await refer()]) {
    const listing = { referralId: referral.id, reason: "Grants" };
    items.push((await send(`/api/meetings/${meeting.body.id}/items`, team.gp, listing)).body);
  }
  const started = await send(`/api/meetings/${meeting.body.id}/start`, team.gp, {
    version: meeting.body.version,
  });
  const decided = await send(
    `/api/meetings/${meeting.body.id}/items/${items[0].id}/outcome`,
    team.vcsWorker,
    {
      version: items[0].version,
      decision: "Befriender",
      actions: [
        {
          description: "Match",
          ownerOrganisationId: team.vcsWorker.organisationId,
          dueOn: startsAt.slice(0, 10),
        },
      ],
    },
  );
  await send(`/api/meetings/${meeting.body.id}/end`, team.gp, { version: started.body.version });
  await call("GET", `/api/meetings/${meeting.body.id}/summary`, { as: team.vcsWorker });
  await call("GET", "/api/actions", { as: team.vcsWorker });
  const [action] = decided.body.outcome.actions;
  await send(`/api/actions/${action.id}/complete`, team.vcsManager, { version: action.version });
}

async function readTimelines() {
  for (const id of referralIds) await call("GET", `/api/referrals/${id}/timeline`, { as: team.coordinator });
}

/** The outbox items written so far, as the table's stream hands them to the relay (read around the proxy). */
async function outboxImages(): Promise<StreamImage[]> {
  const direct = new DynamoDBClient({
    endpoint: testEndpoint(),
    region: "eu-west-2",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const images: StreamImage[] = [];
  for await (const page of paginateScan({ client: direct }, { TableName: api.tableName })) {
    images.push(...(page.Items ?? []).filter((item) => isOutboxImage(item)));
  }
  direct.destroy();
  return images;
}

async function relayWorkload() {
  const relay = await loadHandler<(event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>>(
    handlerPaths.relay,
  );
  const images = await outboxImages();
  const result = await relay({
    Records: images.map((image, index) => ({
      eventName: "INSERT",
      dynamodb: { NewImage: image as never, SequenceNumber: String(index + 1).padStart(21, "0") },
    })),
  });
  expect(result.batchItemFailures).toEqual([]);
}

async function timelineWorkload() {
  const [subscription] = subscriptions;
  if (!subscription) throw new Error("No subscriber");
  const handler = await loadHandler<(event: unknown) => Promise<void>>(subscription.handler);
  // The rule delivers only the subscription's event types; the subscriber refuses any other.
  const events = (await outboxImages())
    .map(outboxEventFromStreamImage)
    .filter((event) => subscription.eventTypes.includes(event.type));
  // Every event once, and the first again: EventBridge delivers at least once.
  for (const event of [...events, events[0]]) {
    await handler({ id: event?.id, "detail-type": event?.type, source: "linkwork", detail: event });
  }
}

async function sweepWorkload() {
  const [job] = schedules;
  if (!job) throw new Error("No scheduled job");
  const sweep = await loadHandler<() => Promise<{ expired: string[]; breached: string[] }>>(job.handler);
  // Six weeks on, every timer has run out: expiries, missed triage and missed first contact.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + 42 * 24 * 60 * 60 * 1000);
  try {
    const result = await sweep();
    expect(result.expired.length).toBeGreaterThan(0);
    expect(result.breached.length).toBeGreaterThan(0);
    await sweep();
  } finally {
    vi.useRealTimers();
  }
}

/** Answers PutEvents as EventBridge does when it accepts every entry. */
async function acceptingEventBridge(): Promise<Server> {
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const { Entries = [] } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { Entries?: unknown[] };
      outgoing.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
      outgoing.end(
        JSON.stringify({
          FailedEntryCount: 0,
          Entries: Entries.map((_, index) => ({ EventId: `e${index}` })),
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

function compare(performed: string[], granted: readonly string[]) {
  return {
    notGranted: performed.filter((action) => !granted.includes(action)),
    neverUsed: granted.filter((action) => !performed.includes(action)),
  };
}

describe("the DynamoDB actions each handler performs", () => {
  it("the API: only what it is granted, and every grant used", () => {
    const performed = recorder.actionsOf("api");
    expect(performed.length).toBeGreaterThan(0);
    expect(compare(performed, apiTableActions)).toEqual({ notGranted: [], neverUsed: [] });
  });

  it.each(subscriptions.map((subscription) => subscription.name))(
    "the %s subscriber: only what it is granted, and every grant used",
    (name) => {
      const performed = recorder.actionsOf(name);
      expect(performed.length).toBeGreaterThan(0);
      expect(compare(performed, subscriberTableActions[name] ?? [])).toEqual({
        notGranted: [],
        neverUsed: [],
      });
    },
  );

  it.each(schedules.map((job) => job.name))(
    "the %s sweep: only what it is granted, and every grant used",
    (name) => {
      const performed = recorder.actionsOf(name);
      expect(performed.length).toBeGreaterThan(0);
      expect(compare(performed, sweepTableActions[name] ?? [])).toEqual({ notGranted: [], neverUsed: [] });
    },
  );

  it("covers every subscriber and scheduled job there is (a new one needs its workload here)", () => {
    expect(subscriptions.map((subscription) => subscription.name)).toEqual(["timeline", "live"]);
    expect(schedules.map((job) => job.name)).toEqual(["service-levels"]);
  });

  it.each(Object.keys(webSocketTableActions) as (keyof typeof webSocketTableActions)[])(
    "the WebSocket route %s: only what it is granted, and every grant used",
    (route) => {
      expect(compare(recorder.actionsOf(route), webSocketTableActions[route])).toEqual({
        notGranted: [],
        neverUsed: [],
      });
    },
  );

  it("the stream relay: nothing at all, since it is granted no table access", () => {
    expect(recorder.actionsOf("relay")).toEqual([]);
  });

  it("nothing outside the handlers' own work", () => {
    expect(recorder.actionsOf("nobody (a request outside any recorded work)")).toEqual([]);
  });
});
