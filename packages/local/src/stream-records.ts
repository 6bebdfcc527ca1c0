import type { _Record as SdkStreamRecord } from "@aws-sdk/client-dynamodb-streams";
import type { DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";

/** A stream record as the SDK reads it, turned into the JSON shape Lambda delivers. */
export function toLambdaRecord(record: SdkStreamRecord, streamArn: string): DynamoDBRecord {
  const { dynamodb, eventID, eventName, eventVersion, eventSource, awsRegion, userIdentity } = record;
  return {
    ...(eventID ? { eventID } : {}),
    ...(eventName ? { eventName } : {}),
    eventVersion: eventVersion ?? "1.1",
    eventSource: eventSource ?? "aws:dynamodb",
    awsRegion: awsRegion ?? "eu-west-2",
    ...(userIdentity ? { userIdentity } : {}),
    eventSourceARN: streamArn,
    dynamodb: {
      ...(dynamodb?.ApproximateCreationDateTime
        ? { ApproximateCreationDateTime: Math.floor(dynamodb.ApproximateCreationDateTime.getTime() / 1000) }
        : {}),
      ...(dynamodb?.Keys ? { Keys: toJsonAttributes(dynamodb.Keys) } : {}),
      ...(dynamodb?.NewImage ? { NewImage: toJsonAttributes(dynamodb.NewImage) } : {}),
      ...(dynamodb?.OldImage ? { OldImage: toJsonAttributes(dynamodb.OldImage) } : {}),
      ...(dynamodb?.SequenceNumber ? { SequenceNumber: dynamodb.SequenceNumber } : {}),
      ...(dynamodb?.SizeBytes !== undefined ? { SizeBytes: dynamodb.SizeBytes } : {}),
      ...(dynamodb?.StreamViewType ? { StreamViewType: dynamodb.StreamViewType } : {}),
    },
  };
}

export function toStreamEvent(records: DynamoDBRecord[]): DynamoDBStreamEvent {
  return { Records: records };
}

/** Lambda's JSON carries binary attribute values as base64 text; the SDK gives bytes. */
function toJsonAttributes(
  attributes: Record<string, unknown>,
): NonNullable<DynamoDBRecord["dynamodb"]>["Keys"] {
  return Object.fromEntries(
    Object.entries(attributes).map(([name, value]) => [name, toJsonValue(value)]),
  ) as NonNullable<DynamoDBRecord["dynamodb"]>["Keys"];
}

function toJsonValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toJsonValue(inner)]));
  }
  return value;
}
