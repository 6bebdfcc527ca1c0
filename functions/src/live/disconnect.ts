import { connectFromEnvironment, type DatabaseConnection } from "@linkwork/core/db/client";
import { closeConnection } from "@linkwork/core/live/connection-store";
import { WebSocketEvent, type WebSocketResult } from "./web-socket-event";

let database: DatabaseConnection | undefined;

/** `$disconnect`: the connection is closed in the store, so nothing more is sent to it. */
export async function handler(input: unknown): Promise<WebSocketResult> {
  database ??= connectFromEnvironment();
  const event = WebSocketEvent.parse(input);
  await closeConnection(database, event.requestContext.connectionId, new Date());
  return { statusCode: 200 };
}
