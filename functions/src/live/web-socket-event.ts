// zod/mini: the WebSocket handlers parse API Gateway's event and need nothing else of zod.
import * as z from "zod/mini";

/**
 * The part of an API Gateway WebSocket event the handlers read. The local runtime's `ws` server
 * sends events of the same shape (packages/local/src/websocket-server.ts).
 */
export const WebSocketEvent = z.object({
  requestContext: z.object({
    connectionId: z.string().check(z.minLength(1)),
    routeKey: z.string(),
    eventType: z.enum(["CONNECT", "DISCONNECT", "MESSAGE"]),
  }),
  queryStringParameters: z.optional(z.nullable(z.record(z.string(), z.string()))),
  body: z.optional(z.nullable(z.string())),
});
export type WebSocketEvent = z.infer<typeof WebSocketEvent>;

/** What a route answers API Gateway: on `$connect`, anything but a 2xx refuses the connection. */
export interface WebSocketResult {
  statusCode: number;
  body?: string;
}
