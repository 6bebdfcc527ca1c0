import type { PutCommandInput } from "@aws-sdk/lib-dynamodb";

export interface TimelineEntry {
  referralId: string;
  eventId: string;
  type: string;
  at: string;
  actorId?: string | undefined;
  actorName?: string | undefined;
  data: Record<string, unknown>;
}

/**
 * The conditional put of one timeline entry, exactly as ElectroDB's timeline entity (entity.ts)
 * writes it: written out here so the timeline subscriber, which runs for every event, carries no
 * ElectroDB (about 230 KB of its bundle). functions/test/timeline-subscriber.test.ts holds the two equal
 * for any entry; the entity stays the one definition that reads use.
 */
export function timelinePut(tableName: string, entry: TimelineEntry): PutCommandInput {
  const { actorId, actorName, ...required } = entry;
  const key = (name: string, value: string) => `${name}_${value}`.toLowerCase();
  return {
    TableName: tableName,
    Item: {
      ...required,
      ...(actorId !== undefined ? { actorId } : {}),
      ...(actorName !== undefined ? { actorName } : {}),
      pk: `$linkwork#${key("referralId", entry.referralId)}`,
      sk: `$timeline_1#${key("at", entry.at)}#${key("eventId", entry.eventId)}`,
      __edb_e__: "timeline",
      __edb_v__: "1",
    },
    ConditionExpression: "attribute_not_exists(#pk) AND attribute_not_exists(#sk)",
    ExpressionAttributeNames: { "#pk": "pk", "#sk": "sk" },
  };
}
