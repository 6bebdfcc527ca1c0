import { type EventPublisher, eventPublisherFromEnvironment } from "@linkwork/core/event/bus";
import type { EventEnvelope } from "@linkwork/core/event/catalogue";
import {
  isOutboxImage,
  outboxEventFromStreamImage,
  type StreamImage,
} from "@linkwork/core/event/outbox-record";
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";

interface Pending {
  sequenceNumber: string;
  event: EventEnvelope;
}

/**
 * Table stream -> EventBridge. Publishes each new outbox item as an event, in stream order.
 * On any failure it reports the first failed record, so Lambda retries from there; records after
 * it may be delivered twice, which subscribers absorb by deduplicating on the event id.
 */
export function createRelay(publisher: EventPublisher) {
  return async (streamEvent: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const pending: Pending[] = [];
    let unreadable: string | undefined;
    for (const record of streamEvent.Records) {
      const parsed = readRecord(record);
      if (parsed === "skip") continue;
      if (parsed === "unreadable") {
        // Publish what came before it; it and everything after are retried, then sent to the DLQ.
        unreadable = sequenceOf(record);
        break;
      }
      pending.push(parsed);
    }
    const { failedEventIds } = await publisher.publish(pending.map((item) => item.event));
    const failed = new Set(failedEventIds);
    const firstFailure = pending.find((item) => failed.has(item.event.id))?.sequenceNumber ?? unreadable;
    return { batchItemFailures: firstFailure ? [{ itemIdentifier: firstFailure }] : [] };
  };
}

function readRecord(record: DynamoDBRecord): Pending | "skip" | "unreadable" {
  const image = record.dynamodb?.NewImage as StreamImage | undefined;
  if (record.eventName !== "INSERT" || !isOutboxImage(image) || !image) return "skip";
  try {
    return { sequenceNumber: sequenceOf(record), event: outboxEventFromStreamImage(image) };
  } catch (error) {
    console.error("Unreadable outbox record", sequenceOf(record), error);
    return "unreadable";
  }
}

function sequenceOf(record: DynamoDBRecord): string {
  return record.dynamodb?.SequenceNumber ?? "";
}

let relay: ReturnType<typeof createRelay> | undefined;

export function handler(streamEvent: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  relay ??= createRelay(eventPublisherFromEnvironment());
  return relay(streamEvent);
}
