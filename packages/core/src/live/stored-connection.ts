import type { PutCommandInput, QueryCommandInput, UpdateCommandInput } from "@aws-sdk/lib-dynamodb";
import type { Audience } from "./domain/audience";

/**
 * The live connection store's items exactly as ElectroDB's entities (entity.ts) write them, spelt
 * out so the WebSocket handlers and the notifier, which run on every connection and every event,
 * carry no ElectroDB. packages/core/test/live-stored-items.test.ts holds the two equal.
 */
export interface StoredConnection {
  connectionId: string;
  meetingId: string;
  userId: string;
  areaId: string;
  connectedAt: string;
  expiresAt: number;
}

/** An update that can also go in a transaction, which needs both expressions. */
export type ConditionalUpdate = UpdateCommandInput & {
  UpdateExpression: string;
  ConditionExpression: string;
};

const service = "$linkwork";
const connectionEntity = "$liveConnection_1";
const ticketEntity = "$liveTicket_1";

export function connectionKey(connectionId: string) {
  return { pk: `${service}#connectionId_${connectionId}`, sk: connectionEntity };
}

export function ticketKey(ticketId: string) {
  return { pk: `${service}#ticketId_${ticketId}`, sk: ticketEntity };
}

/** The new connection's item: in both indexes, and never over an existing one. */
export function connectionPut(tableName: string, connection: StoredConnection): PutCommandInput {
  const sortKey = `${connectionEntity}#connectionId_${connection.connectionId}`;
  return {
    TableName: tableName,
    Item: {
      ...connection,
      ...connectionKey(connection.connectionId),
      gsi1pk: `${service}#meetingId_${connection.meetingId}`,
      gsi1sk: sortKey,
      gsi2pk: `${service}#areaId_${connection.areaId}`,
      gsi2sk: sortKey,
      __edb_e__: "liveConnection",
      __edb_v__: "1",
    },
    ConditionExpression: "attribute_not_exists(#pk) AND attribute_not_exists(#sk)",
    ExpressionAttributeNames: { "#pk": "pk", "#sk": "sk" },
  };
}

/**
 * Closes a connection: out of both indexes at once, so no notice is sent to it again, and out of
 * the table when its TTL runs out now. Closing one already closed (or never stored) changes nothing.
 */
export function connectionClose(tableName: string, connectionId: string, at: Date): ConditionalUpdate {
  return {
    TableName: tableName,
    Key: connectionKey(connectionId),
    UpdateExpression:
      "SET #closedAt = :closedAt, #expiresAt = :expiresAt REMOVE #gsi1pk, #gsi1sk, #gsi2pk, #gsi2sk",
    ConditionExpression: "attribute_exists(#pk) AND attribute_not_exists(#closedAt)",
    ExpressionAttributeNames: {
      "#pk": "pk",
      "#closedAt": "closedAt",
      "#expiresAt": "expiresAt",
      "#gsi1pk": "gsi1pk",
      "#gsi1sk": "gsi1sk",
      "#gsi2pk": "gsi2pk",
      "#gsi2sk": "gsi2sk",
    },
    ExpressionAttributeValues: {
      ":closedAt": at.toISOString(),
      ":expiresAt": Math.floor(at.getTime() / 1000),
    },
  };
}

/**
 * Consumes a ticket for a connection: only once, only while it is valid, only for the meeting it
 * was issued for (read just before), and never a ticket that does not exist.
 */
export function ticketConsumption(
  tableName: string,
  ticket: { ticketId: string; meetingId: string },
  connectionId: string,
  at: Date,
): ConditionalUpdate {
  return {
    TableName: tableName,
    Key: ticketKey(ticket.ticketId),
    UpdateExpression: "SET #consumedAt = :at, #connectionId = :connectionId",
    ConditionExpression:
      "attribute_exists(#pk) AND attribute_not_exists(#consumedAt) AND #validUntil > :at AND #meetingId = :meetingId",
    ExpressionAttributeNames: {
      "#pk": "pk",
      "#consumedAt": "consumedAt",
      "#connectionId": "connectionId",
      "#validUntil": "validUntil",
      "#meetingId": "meetingId",
    },
    ExpressionAttributeValues: {
      ":at": at.toISOString(),
      ":connectionId": connectionId,
      ":meetingId": ticket.meetingId,
    },
  };
}

/** The query for one page of the open connections an audience names: their ids and meetings only. */
export function connectionsQuery(
  tableName: string,
  audience: Audience,
  startKey?: Record<string, unknown>,
): QueryCommandInput {
  const [index, partition] =
    audience.kind === "meeting"
      ? ["gsi1", `${service}#meetingId_${audience.meetingId}`]
      : ["gsi2", `${service}#areaId_${audience.areaId}`];
  return {
    TableName: tableName,
    IndexName: index,
    KeyConditionExpression: "#pk = :pk AND begins_with(#sk, :sk)",
    ExpressionAttributeNames: {
      "#pk": `${index}pk`,
      "#sk": `${index}sk`,
      "#connectionId": "connectionId",
      "#meetingId": "meetingId",
    },
    ExpressionAttributeValues: { ":pk": partition, ":sk": `${connectionEntity}#connectionId_` },
    ProjectionExpression: "#connectionId, #meetingId",
    ...(startKey ? { ExclusiveStartKey: startKey } : {}),
  };
}
