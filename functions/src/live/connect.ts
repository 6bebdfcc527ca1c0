import { connectFromEnvironment, type DatabaseConnection } from "@linkwork/core/db/client";
import { openConnection } from "@linkwork/core/live/connection-store";
import { WebSocketEvent, type WebSocketResult } from "./web-socket-event";

let database: DatabaseConnection | undefined;

/** As the API issues them (32 random bytes, base64url), so nothing else reaches the table as a key. */
const ticketShape = /^[A-Za-z0-9_-]{43}$/;
const refused = { statusCode: 403, body: "The ticket is not valid: ask for a new one" };

/**
 * `$connect`: a connection opens only with a valid, unspent ticket from `POST /api/live/tickets`,
 * which it consumes; the connection is then stored for the ticket's meeting. Anything else is
 * refused before the socket opens.
 */
export async function handler(input: unknown): Promise<WebSocketResult> {
  database ??= connectFromEnvironment();
  const event = WebSocketEvent.parse(input);
  const ticketId = event.queryStringParameters?.ticket;
  if (!ticketId) return { statusCode: 401, body: "A ticket from POST /api/live/tickets is needed" };
  if (!ticketShape.test(ticketId)) return refused;
  const result = await openConnection(database, {
    connectionId: event.requestContext.connectionId,
    ticketId,
    at: new Date(),
  });
  if ("refused" in result) return refused;
  return { statusCode: 200 };
}
