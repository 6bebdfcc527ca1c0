import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { UserActor } from "@linkwork/core/actor";
import { issueLiveTicket } from "@linkwork/core/live/ticket";
import { createMdt } from "@linkwork/core/mdt/create-mdt";
import { planMeeting } from "@linkwork/core/mdt/plan-meeting";
import { fixedClock } from "@linkwork/core/util/clock";
import { type LocalRuntime, startLocalRuntime } from "@linkwork/local/runtime";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { eventually } from "../local/eventually";
import { runtimeClient } from "../local/runtime-client";
import { aReferral } from "../support/builders";
import { seedStaff, staff } from "../support/world";
import { type BoardSocket, openBoardSocket, RefusedConnection } from "./board-socket";

/**
 * The live board through the local runtime, end to end: tickets from the API, WebSockets served
 * by the same $connect/$disconnect/$default handlers API Gateway runs, changes made over HTTP
 * travelling outbox -> stream -> relay -> bus -> notifier -> `@connections` -> socket.
 */
const gp = "gp@linkwork.test";
const pcnWorker = "worker.pcn@linkwork.test";
const vcsManager = "manager.vcs@linkwork.test";
const coordinator = "coordinator@linkwork.test";

let runtime: LocalRuntime;
let client: ReturnType<typeof runtimeClient>;
let meetingId: string;
const sockets: BoardSocket[] = [];

function actor(email: string): UserActor {
  return { type: "user", ...staff(email) };
}

beforeAll(async () => {
  const webRoot = mkdtempSync(join(tmpdir(), "linkwork-live-web-"));
  writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>Linkwork</title>");
  runtime = await startLocalRuntime({
    port: 0,
    webRoot,
    dynamodbEndpoint: inject("dynamodbEndpoint"),
    tableName: `linkwork-live-${Date.now()}`,
    streamPollIntervalMs: 50,
    seed: false,
  });
  await seedStaff(runtime.context);
  client = runtimeClient(runtime);
  const mdt = await createMdt(runtime.context, actor("admin@linkwork.test"), {
    name: "Riverside live board",
    practices: ["A81001"],
    chairUserId: actor(gp).userId,
    memberUserIds: [actor(pcnWorker).userId, actor(vcsManager).userId],
    cadenceDays: 14,
  });
  const meeting = await planMeeting(runtime.context, actor(gp), mdt.id, {
    startsAt: new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString(),
    durationMinutes: 60,
  });
  meetingId = meeting.id;
}, 120_000);

afterAll(async () => {
  await Promise.allSettled(sockets.map((socket) => socket.close()));
  await runtime?.stop();
}, 60_000);

async function ticketFor(email: string, forMeeting = meetingId) {
  return client.call<{ url: string; expiresAt: string }>("POST", "/api/live/tickets", {
    as: email,
    body: { meetingId: forMeeting },
  });
}

async function watch(email: string): Promise<BoardSocket> {
  const ticket = await ticketFor(email);
  expect(ticket.status).toBe(200);
  const socket = await openBoardSocket(ticket.body.url);
  sockets.push(socket);
  return socket;
}

async function refusal(url: string): Promise<number> {
  try {
    const socket = await openBoardSocket(url);
    await socket.close();
    return 101;
  } catch (error) {
    if (error instanceof RefusedConnection) return error.status;
    throw error;
  }
}

/** The connection items the store holds for the meeting, open ones only, as the notifier finds them. */
async function openConnectionsOfMeeting(): Promise<string[]> {
  const found = await runtime.context.db.entities.liveConnection.query
    .byMeeting({ meetingId })
    .go({ pages: "all" });
  return found.data.map((connection) => connection.connectionId);
}

describe("a ticket to the live board", () => {
  it("is a WebSocket URL on the runtime's own port, valid for a minute", async () => {
    const before = Date.now();
    const ticket = await ticketFor(gp);
    expect(ticket.status).toBe(200);
    const url = new URL(ticket.body.url);
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe(runtime.liveUrl);
    expect(url.searchParams.get("ticket")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const lifetime = Date.parse(ticket.body.expiresAt) - before;
    expect(lifetime).toBeGreaterThan(55_000);
    expect(lifetime).toBeLessThanOrEqual(61_000);
  });

  it("opens one connection only: the same URL again is refused", async () => {
    const ticket = await ticketFor(gp);
    const first = await openBoardSocket(ticket.body.url);
    sockets.push(first);
    expect(await refusal(ticket.body.url)).toBe(403);
  });

  it("is refused once its minute has passed", async () => {
    const issuedEarlier = { ...runtime.context, clock: fixedClock(new Date(Date.now() - 61_000)) };
    const stale = await issueLiveTicket(issuedEarlier, actor(gp), meetingId, () => runtime.liveUrl);
    expect(await refusal(stale.url)).toBe(403);
  });

  it("is needed to connect at all, and must be one the API issued", async () => {
    expect(await refusal(runtime.liveUrl)).toBe(401);
    expect(await refusal(`${runtime.liveUrl}?ticket=made-up`)).toBe(403);
    expect(await refusal(`${runtime.liveUrl}?ticket=${"A".repeat(43)}`)).toBe(403);
    expect(await refusal(`${runtime.liveUrl}?ticket=${"x".repeat(3000)}`)).toBe(403);
  });

  it("is not issued to someone outside the team: the meeting does not exist for them (404)", async () => {
    const outsider = await ticketFor(coordinator);
    expect(outsider.status).toBe(404);
    const unknown = await ticketFor(gp, "mtg_01jd8k2m3n4p5q6r7s8t9v0w1x");
    expect(unknown.status).toBe(404);
    expect(outsider.body).toEqual(unknown.body);
  });

  it("names what is wrong with a request that has no proper meeting id (400)", async () => {
    const response = await client.call<{ error: { code: string; details: { path: string }[] } }>(
      "POST",
      "/api/live/tickets",
      { as: gp, body: { meetingId: "not-a-meeting" } },
    );
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("validation_failed");
    expect(response.body.error.details.map((detail) => detail.path)).toEqual(["meetingId"]);
  });
});

describe("the live board's connections", () => {
  it("tell every watching member when the meeting changes, and why", async () => {
    const chair = await watch(gp);
    const member = await watch(pcnWorker);
    const attendance = await client.call<{ version: number }>("GET", `/api/meetings/${meetingId}`, {
      as: gp,
    });
    const changed = await client.call("PUT", `/api/meetings/${meetingId}/attendance`, {
      as: gp,
      body: { version: attendance.body.version, attendees: [actor(gp).userId, actor(pcnWorker).userId] },
    });
    expect(changed.status).toBe(200);
    for (const socket of [chair, member]) {
      const notice = await socket.notice(
        (candidate) => candidate.reason === "meeting.attendance_recorded",
        "the attendance notice",
      );
      expect(notice).toEqual({
        type: "meeting.changed",
        meetingId,
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        reason: "meeting.attendance_recorded",
      });
    }
  });

  it("show a card moved by one member on every other member's board", async () => {
    const chair = await watch(gp);
    const member = await watch(vcsManager);
    const referral = await client.call<{ id: string }>("POST", "/api/referrals", {
      as: gp,
      body: aReferral({ practiceOds: "A81001", riskFlags: ["frequent_attender"] }),
    });
    expect(referral.status).toBe(201);
    const listed = await client.call<{ id: string; version: number }>(
      "POST",
      `/api/meetings/${meetingId}/items`,
      {
        as: gp,
        body: { referralId: referral.body.id, reason: "Seen at A&E four times this month" },
      },
    );
    expect(listed.status).toBe(201);
    const moved = await client.call("PATCH", `/api/meetings/${meetingId}/items/${listed.body.id}`, {
      as: pcnWorker,
      body: { version: listed.body.version, column: "discussing" },
    });
    expect(moved.status).toBe(200);
    for (const socket of [chair, member]) {
      await socket.notice((candidate) => candidate.reason === "meeting.item_listed", "the listing notice");
      const notice = await socket.notice(
        (candidate) => candidate.reason === "meeting.item_updated",
        "the card's move",
      );
      expect(notice.meetingId).toBe(meetingId);
    }
  });

  it("tell every board in the area when a link worker's capacity changes outside the meeting", async () => {
    const chair = await watch(gp);
    const member = await watch(vcsManager);
    const changed = await client.call(
      "PUT",
      `/api/link-workers/${actor("worker.vcs@linkwork.test").userId}/capacity`,
      {
        as: vcsManager,
        body: { caseloadLimit: 27 },
      },
    );
    expect(changed.status).toBe(200);
    for (const socket of [chair, member]) {
      const notice = await socket.notice(
        (candidate) => candidate.reason === "user.capacity_changed",
        "the capacity notice",
      );
      expect(notice.meetingId).toBe(meetingId);
    }
  });

  it("answer a ping with a pong", async () => {
    const socket = await watch(gp);
    socket.send({ type: "ping" });
    await socket.notice((candidate) => candidate.type === "pong", "the pong");
  });

  it("leave the store when the board closes them", async () => {
    const ticket = await ticketFor(pcnWorker);
    const before = await openConnectionsOfMeeting();
    const socket = await openBoardSocket(ticket.body.url);
    const opened = await eventually(
      async () => (await openConnectionsOfMeeting()).find((id) => !before.includes(id)),
      { what: "the new connection in the store" },
    );
    await socket.close();
    await eventually(async () => ((await openConnectionsOfMeeting()).includes(opened) ? undefined : true), {
      what: "the closed connection to leave the meeting's index",
    });
    const { data } = await runtime.context.db.entities.liveConnection.get({ connectionId: opened }).go();
    expect(data?.closedAt).toBeDefined();
  });

  it("that API Gateway no longer knows (410) are closed by the notifier, and the rest still hear", async () => {
    const watching = await watch(gp);
    const lostId = "lostConnection01AB=";
    const now = new Date();
    await runtime.context.db.entities.liveConnection
      .create({
        connectionId: lostId,
        meetingId,
        userId: actor(gp).userId,
        areaId: "default",
        connectedAt: now.toISOString(),
        expiresAt: Math.floor(now.getTime() / 1000) + 3600,
      })
      .go();
    expect(await openConnectionsOfMeeting()).toContain(lostId);
    const changed = await client.call("PUT", `/api/link-workers/${actor(pcnWorker).userId}/capacity`, {
      as: "manager.pcn@linkwork.test",
      body: { caseloadLimit: 29 },
    });
    expect(changed.status).toBe(200);
    await watching.notice(
      (candidate) =>
        candidate.reason === "user.capacity_changed" && Date.parse(candidate.at) >= now.getTime(),
      "the notice to the open connection",
    );
    await runtime.settled();
    expect(await openConnectionsOfMeeting()).not.toContain(lostId);
    const { data } = await runtime.context.db.entities.liveConnection.get({ connectionId: lostId }).go();
    expect(data?.closedAt).toBeDefined();
  });
});
