import { type EventEnvelope, parseEvent } from "@linkwork/core/event/catalogue";
import { z } from "zod";

/** An EventBridge event as a rule delivers it: Linkwork's envelope is its `detail`. */
const BusEvent = z.looseObject({
  version: z.string(),
  id: z.string(),
  "detail-type": z.string(),
  source: z.string(),
  detail: z.unknown(),
});

/** What Lambda writes to an asynchronous invocation's on-failure destination: the event is `requestPayload`. */
const LambdaFailureRecord = z.looseObject({
  version: z.string(),
  timestamp: z.string(),
  requestContext: z.looseObject({ functionArn: z.string(), condition: z.string() }),
  requestPayload: z.unknown(),
});

/** What a stream event source mapping writes on failure: where the batch was, never the records. */
const StreamBatchFailureRecord = z.looseObject({
  DDBStreamBatchInfo: z.looseObject({
    approximateArrivalOfFirstRecord: z.iso.datetime(),
    approximateArrivalOfLastRecord: z.iso.datetime(),
    batchSize: z.number(),
  }),
});

/** The local bus's dead letter: the event and the subscription that could not handle it. */
const LocalDeadLetter = z.looseObject({ subscription: z.string(), error: z.string(), event: z.unknown() });

export type DeadLetterContent =
  | { kind: "event"; origin: "lambda-failure" | "eventbridge-target" | "local"; event: EventEnvelope }
  | { kind: "stream-batch"; from: string; to: string; batchSize: number }
  | { kind: "unreadable"; reason: string };

/**
 * Reads a dead letter queue's message, whichever way it got there: a subscriber failing every
 * attempt (Lambda's failure record), EventBridge failing to deliver (the event itself), the local
 * bus, or the relay giving up on a stream batch (only its position, so it is replayed from the
 * outbox by time instead).
 */
export function readDeadLetter(body: string): DeadLetterContent {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: "unreadable", reason: "the message is not JSON" };
  }
  const stream = StreamBatchFailureRecord.safeParse(json);
  if (stream.success) {
    const batch = stream.data.DDBStreamBatchInfo;
    return {
      kind: "stream-batch",
      from: batch.approximateArrivalOfFirstRecord,
      to: batch.approximateArrivalOfLastRecord,
      batchSize: batch.batchSize,
    };
  }
  const lambdaFailure = LambdaFailureRecord.safeParse(json);
  if (lambdaFailure.success) return fromBusEvent(lambdaFailure.data.requestPayload, "lambda-failure");
  const local = LocalDeadLetter.safeParse(json);
  if (local.success) return fromBusEvent(local.data.event, "local");
  return fromBusEvent(json, "eventbridge-target");
}

function fromBusEvent(
  value: unknown,
  origin: "lambda-failure" | "eventbridge-target" | "local",
): DeadLetterContent {
  const busEvent = BusEvent.safeParse(value);
  if (!busEvent.success) return { kind: "unreadable", reason: "it holds no EventBridge event" };
  try {
    return { kind: "event", origin, event: parseEvent(busEvent.data.detail) };
  } catch (error) {
    return { kind: "unreadable", reason: `its event does not match the catalogue: ${describe(error)}` };
  }
}

function describe(error: unknown): string {
  return error instanceof z.ZodError
    ? error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")
    : String(error);
}
