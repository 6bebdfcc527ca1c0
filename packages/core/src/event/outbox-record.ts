import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { type EventEnvelope, parseEvent } from "./catalogue";

/** A new or old item image, as a DynamoDB stream record carries it. */
export type StreamImage = Record<string, AttributeValue>;

/** ElectroDB marks every item with its entity name; outbox items are the ones to publish. */
const entityMarker = "__edb_e__";
const outboxEntity = "outbox";

/**
 * The stream records the relay is given: new outbox items only. Written in Lambda's event filter
 * syntax, so infra deploys it on the event source mapping and the local poller applies it as is.
 */
export const outboxStreamFilter = {
  eventName: ["INSERT"],
  dynamodb: { NewImage: { [entityMarker]: { S: [outboxEntity] } } },
};

export function isOutboxImage(image: StreamImage | undefined): boolean {
  return image?.[entityMarker]?.S === outboxEntity;
}

/** Reads the event out of an outbox item's stream image, checked against the catalogue. */
export function outboxEventFromStreamImage(image: StreamImage): EventEnvelope {
  const item = unmarshall(image);
  return parseEvent({
    id: item.eventId,
    type: item.type,
    occurredAt: item.occurredAt,
    actor: item.actor,
    subject: item.subject,
    data: item.data,
  });
}
