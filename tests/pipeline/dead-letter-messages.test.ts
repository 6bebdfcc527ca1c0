import { randomUUID } from "node:crypto";
import { retryDelay } from "@linkwork/local/ops/backoff";
import { parseCommand, RedriveArguments } from "@linkwork/local/ops/command-arguments";
import { readDeadLetter } from "@linkwork/local/ops/dead-letter-message";
import { describe, expect, it } from "vitest";
import { aReceivedEvent, busEventOf } from "../local/dead-letter-fixtures";

describe("what a dead letter queue holds in AWS", () => {
  it("a subscriber's failure record carries the event as requestPayload", () => {
    const event = aReceivedEvent();
    const record = {
      version: "1.0",
      timestamp: "2026-11-23T09:31:00.000Z",
      requestContext: {
        requestId: randomUUID(),
        functionArn:
          "arn:aws:lambda:eu-west-2:123456789012:function:prod-linkwork-Subscriber_timeline:$LATEST",
        condition: "RetriesExhausted",
        approximateInvokeCount: 3,
      },
      requestPayload: busEventOf(event),
      responseContext: { statusCode: 200, executedVersion: "$LATEST", functionError: "Unhandled" },
      responsePayload: { errorType: "Error", errorMessage: "timeline table unavailable" },
    };
    expect(readDeadLetter(JSON.stringify(record))).toEqual({
      kind: "event",
      origin: "lambda-failure",
      event,
    });
  });

  it("EventBridge's own dead letter is the event itself", () => {
    const event = aReceivedEvent();
    expect(readDeadLetter(JSON.stringify(busEventOf(event)))).toEqual({
      kind: "event",
      origin: "eventbridge-target",
      event,
    });
  });

  it("a relay failure names only where the batch was: the range to replay from the outbox", () => {
    const record = {
      requestContext: {
        requestId: randomUUID(),
        functionArn: "arn:aws:lambda:eu-west-2:1:function:relay",
        condition: "RetryAttemptsExhausted",
        approximateInvokeCount: 6,
      },
      responseContext: { statusCode: 200, executedVersion: "$LATEST", functionError: "Unhandled" },
      version: "1.0",
      timestamp: "2026-11-23T10:00:00.000Z",
      DDBStreamBatchInfo: {
        shardId: "shardId-00000001",
        startSequenceNumber: "100",
        endSequenceNumber: "125",
        approximateArrivalOfFirstRecord: "2026-11-23T09:00:00Z",
        approximateArrivalOfLastRecord: "2026-11-23T09:05:00Z",
        batchSize: 25,
        streamArn: "arn:aws:dynamodb:eu-west-2:1:table/t/stream/2026",
      },
    };
    expect(readDeadLetter(JSON.stringify(record))).toEqual({
      kind: "stream-batch",
      from: "2026-11-23T09:00:00Z",
      to: "2026-11-23T09:05:00Z",
      batchSize: 25,
    });
  });

  it("anything else is left in the queue with a reason, never sent", () => {
    expect(readDeadLetter("not json")).toMatchObject({ kind: "unreadable" });
    expect(readDeadLetter(JSON.stringify({ hello: "world" }))).toMatchObject({ kind: "unreadable" });
    const foreign = { ...busEventOf(aReceivedEvent()), detail: { id: "x", type: "not.an.event" } };
    expect(readDeadLetter(JSON.stringify(foreign))).toMatchObject({ kind: "unreadable" });
  });
});

describe("the redrive command's arguments", () => {
  it("names every problem at once", () => {
    const parsed = parseCommand(RedriveArguments, ["--attempts", "zero", "--limit", "0"], {});
    expect(parsed).toMatchObject({ help: false });
    expect("problems" in parsed && parsed.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^--attempts:/),
        expect.stringMatching(/^--limit:/),
        expect.stringMatching(/^--bus:/),
        expect.stringMatching(/^--queue:/),
      ]),
    );
  });

  it("reads the bus from the environment, and needs neither bus nor queue locally", () => {
    expect(
      parseCommand(RedriveArguments, ["--queue", "dlq"], { EVENT_BUS_NAME: "prod-linkwork-Bus" }),
    ).toMatchObject({
      values: { queue: "dlq", bus: "prod-linkwork-Bus", attempts: 5, baseDelayMs: 200, maxDelayMs: 10_000 },
    });
    expect(parseCommand(RedriveArguments, ["--local", "--subscription", "timeline"], {})).toMatchObject({
      values: { local: true, subscription: "timeline", runtimeUrl: "http://localhost:3000" },
    });
  });
});

describe("backoff", () => {
  it("waits at most the base, then doubling, never past the cap, and never a fixed step", () => {
    const policy = { attempts: 10, baseDelayMs: 100, maxDelayMs: 1_000 };
    const ceilings = [1, 2, 3, 4, 5, 6].map((retry) => retryDelay(retry, policy, () => 0.999_999));
    expect(ceilings).toEqual([99, 199, 399, 799, 999, 999]);
    expect(retryDelay(3, policy, () => 0)).toBe(0);
    expect(retryDelay(3, policy, () => 0.5)).toBe(200);
  });
});
