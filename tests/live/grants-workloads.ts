import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Context } from "@linkwork/core/context";
import { createEvent } from "@linkwork/core/event/outbox";
import { handlerPaths, webSocketHandlers } from "@linkwork/functions/manifest";
import { loadHandler } from "@linkwork/local/handlers";
import { expect } from "vitest";

/**
 * What the live functions do to the table, run for tests/pipeline/table-grants.test.ts: each
 * WebSocket route once with the event API Gateway sends it, and the notifier over one connection
 * that is open and one that has gone.
 */
type RouteHandler = (event: unknown) => Promise<{ statusCode: number; body?: string }>;
type Subscriber = (delivery: unknown) => Promise<void>;

const meetingId = "mtg_01jd8k2m3n4p5q6r7s8t9v0w1x";
/** Shaped as the API issues tickets (43 base64url characters). */
export const grantsTicket = "grantsTicket_grantsTicket_grantsTicket_abcd";

function webSocketEvent(connectionId: string, routeKey: string, eventType: string, extra: object = {}) {
  return { requestContext: { connectionId, routeKey, eventType }, ...extra };
}

/** Stands in for API Gateway's `@connections` API: one connection is open, the other has gone. */
export async function startConnectionsEndpoint(
  openConnectionId: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((incoming, outgoing) => {
    incoming.resume();
    incoming.on("end", () => {
      const open = decodeURIComponent(incoming.url ?? "").endsWith(`/@connections/${openConnectionId}`);
      outgoing.writeHead(open ? 200 : 410, {
        "content-type": "application/json",
        ...(open ? {} : { "x-amzn-errortype": "GoneException" }),
      });
      outgoing.end(open ? "" : JSON.stringify({ message: "Gone" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A ticket as the API issues it, written straight to the table (not through a recorded handler). */
export async function aTicket(context: Context, ticketId: string): Promise<void> {
  const now = Date.now();
  await context.db.entities.liveTicket
    .create({
      ticketId,
      meetingId,
      userId: "usr_gp",
      areaId: "default",
      issuedAt: new Date(now).toISOString(),
      validUntil: new Date(now + 60_000).toISOString(),
      expiresAt: Math.floor(now / 1000) + 3600,
    })
    .go();
}

export async function connectWorkload(connectionId: string, ticketId: string) {
  const connect = await loadHandler<RouteHandler>(webSocketHandlers.$connect);
  const opened = await connect(
    webSocketEvent(connectionId, "$connect", "CONNECT", { queryStringParameters: { ticket: ticketId } }),
  );
  expect(opened.statusCode).toBe(200);
  // The same ticket again: refused by the transaction's condition.
  const again = await connect(
    webSocketEvent(`${connectionId}2`, "$connect", "CONNECT", {
      queryStringParameters: { ticket: ticketId },
    }),
  );
  expect(again.statusCode).toBe(403);
}

export async function disconnectWorkload(connectionId: string) {
  const disconnect = await loadHandler<RouteHandler>(webSocketHandlers.$disconnect);
  expect((await disconnect(webSocketEvent(connectionId, "$disconnect", "DISCONNECT"))).statusCode).toBe(200);
  expect((await disconnect(webSocketEvent(connectionId, "$disconnect", "DISCONNECT"))).statusCode).toBe(200);
}

export async function messageWorkload(connectionId: string) {
  const message = await loadHandler<RouteHandler>(webSocketHandlers.$default);
  const pong = await message(
    webSocketEvent(connectionId, "$default", "MESSAGE", { body: '{"type":"ping"}' }),
  );
  expect(JSON.parse(pong.body ?? "{}").type).toBe("pong");
}

/** Two connections watch the meeting; the notifier tells the open one and closes the one that has gone. */
export async function notifierWorkload(context: Context, connectionIds: { open: string; gone: string }) {
  const now = new Date();
  for (const connectionId of [connectionIds.open, connectionIds.gone]) {
    await context.db.entities.liveConnection
      .create({
        connectionId,
        meetingId,
        userId: "usr_gp",
        areaId: "default",
        connectedAt: now.toISOString(),
        expiresAt: Math.floor(now.getTime() / 1000) + 3600,
      })
      .go();
  }
  const notifier = await loadHandler<Subscriber>(handlerPaths.liveNotifier);
  const event = createEvent("meeting.started", {
    actor: { type: "system", name: "grants" },
    at: now,
    subject: { type: "meeting", id: meetingId },
    data: { mdtId: "mdt_01jd8k2m3n4p5q6r7s8t9v0w1x" },
  });
  await notifier({ id: event.id, "detail-type": event.type, source: "linkwork", detail: event });
  const { data } = await context.db.entities.liveConnection.get({ connectionId: connectionIds.gone }).go();
  expect(data?.closedAt).toBeDefined();
}
