import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { DatabaseConnection } from "../db/client";
import type { Audience } from "./domain/audience";
import {
  connectionClose,
  connectionPut,
  connectionsQuery,
  type StoredConnection,
  ticketConsumption,
  ticketKey,
} from "./stored-connection";

/**
 * API Gateway ends a WebSocket connection after two hours; the item outlives that a little, so
 * it is never removed while the connection can still be open.
 */
const connectionRetentionSeconds = 2 * 60 * 60 + 5 * 60;

export type ConnectionOpened =
  | { opened: StoredConnection }
  | { refused: "unknown_ticket" | "spent_or_expired_ticket" };

/**
 * Opens a connection with a ticket: the ticket consumed and the connection stored in one
 * transaction, so a ticket opens at most one connection and a refused one stores nothing.
 */
export async function openConnection(
  database: DatabaseConnection,
  input: { connectionId: string; ticketId: string; at: Date },
): Promise<ConnectionOpened> {
  const { Item } = await database.client.send(
    new GetCommand({
      TableName: database.tableName,
      Key: ticketKey(input.ticketId),
      ConsistentRead: true,
      ProjectionExpression: "meetingId, userId, areaId",
    }),
  );
  if (!Item) return { refused: "unknown_ticket" };
  const ticket = { ticketId: input.ticketId, meetingId: String(Item.meetingId) };
  const connection: StoredConnection = {
    connectionId: input.connectionId,
    meetingId: ticket.meetingId,
    userId: String(Item.userId),
    areaId: String(Item.areaId),
    connectedAt: input.at.toISOString(),
    expiresAt: Math.floor(input.at.getTime() / 1000) + connectionRetentionSeconds,
  };
  try {
    await database.client.send(
      new TransactWriteCommand({
        TransactItems: [
          { Update: ticketConsumption(database.tableName, ticket, input.connectionId, input.at) },
          { Put: connectionPut(database.tableName, connection) },
        ],
      }),
    );
    return { opened: connection };
  } catch (error) {
    // By name: the document client may carry its own copy of the low-level client's classes.
    if (error instanceof Error && error.name === "TransactionCanceledException") {
      return { refused: "spent_or_expired_ticket" };
    }
    throw error;
  }
}

/** Closes a connection: it is sent nothing more. Closing one twice is harmless. */
export async function closeConnection(
  database: DatabaseConnection,
  connectionId: string,
  at: Date,
): Promise<"closed" | "already_closed"> {
  try {
    await database.client.send(new UpdateCommand(connectionClose(database.tableName, connectionId, at)));
    return "closed";
  } catch (error) {
    if (error instanceof Error && error.name === "ConditionalCheckFailedException") return "already_closed";
    throw error;
  }
}

/** The open connections an audience names, each with the meeting it watches. */
export async function* openConnections(
  database: DatabaseConnection,
  audience: Audience,
): AsyncGenerator<{ connectionId: string; meetingId: string }> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await database.client.send(
      new QueryCommand(connectionsQuery(database.tableName, audience, startKey)),
    );
    for (const item of page.Items ?? []) {
      yield { connectionId: String(item.connectionId), meetingId: String(item.meetingId) };
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}
