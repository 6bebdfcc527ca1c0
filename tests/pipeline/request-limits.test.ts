import { createServer, type Server, type Socket } from "node:net";
import { connect } from "@linkwork/core/db/client";
import { createDatabase } from "@linkwork/core/db/database";
import { createEventPublisher } from "@linkwork/core/event/bus";
import { createEvent } from "@linkwork/core/event/outbox";
import { awsRequestLimits } from "@linkwork/core/util/aws-request-limits";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** A server that accepts every connection and never answers: a stalled endpoint. */
let silent: Server;
let endpoint: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  silent = createServer((socket) => {
    sockets.push(socket);
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

/** ElectroDB wraps the SDK's error; the SDK's is the one that says what happened. */
function rootCause(error: Error): Error {
  return error.cause instanceof Error ? rootCause(error.cause) : error;
}

describe("a stalled AWS endpoint", () => {
  it("fails a DynamoDB call with a timeout after every attempt, instead of hanging", async () => {
    const before = sockets.length;
    // The production limits, shortened so the test takes a second; the unit tests check the real ones.
    const limits = { ...awsRequestLimits, requestTimeoutMs: 400 };
    const connection = connect({ tableName: "linkwork-stalled", endpoint, limits });
    const { entities } = createDatabase(connection);
    const started = performance.now();
    const outcome = await entities.referral
      .get({ referralId: "ref_01JDSTALLED" })
      .go()
      .then(
        () => "answered",
        (error: Error) => rootCause(error).name,
      );
    const elapsedMs = performance.now() - started;
    connection.client.destroy();
    expect(outcome).toBe("TimeoutError");
    expect(sockets.length - before).toBe(limits.maxAttempts);
    expect(elapsedMs).toBeGreaterThanOrEqual(limits.maxAttempts * limits.requestTimeoutMs);
    // Every attempt's timeout plus the SDK's back-off between attempts (well under a second).
    expect(elapsedMs).toBeLessThan(limits.maxAttempts * limits.requestTimeoutMs + 1_000);
  });

  it("reports the relay's events as not published within the limits, so the stream retries them", async () => {
    const limits = { connectionTimeoutMs: 200, requestTimeoutMs: 300, maxAttempts: 2 };
    const publisher = createEventPublisher({ busName: "linkwork-stalled", endpoint, limits });
    const event = createEvent("referral.received", {
      actor: { type: "public" },
      at: new Date("2026-11-23T09:00:00.000Z"),
      subject: { type: "referral", id: "ref_01JDSTALLED" },
      data: {
        referralId: "ref_01JDSTALLED",
        source: "self",
        needs: ["loneliness_isolation"],
        riskFlags: [],
        knownPerson: false,
        otherOpenReferrals: 0,
      },
    });
    const started = performance.now();
    const result = await publisher.publish([event]);
    expect(result).toEqual({ failedEventIds: [event.id] });
    expect(performance.now() - started).toBeLessThan(limits.maxAttempts * limits.requestTimeoutMs + 1_000);
  });
});
