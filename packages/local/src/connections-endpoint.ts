import { Hono } from "hono";
import type { LocalWebSocketServer } from "./websocket-server";

/**
 * The local `@connections` API that `@aws-sdk/client-apigatewaymanagementapi` calls, as API
 * Gateway serves it for a WebSocket API: PostToConnection, DeleteConnection and GetConnection,
 * each answering 410 GoneException for a connection that is not open. It sits on the loopback
 * endpoint the handlers are given (LIVE_CONNECTIONS_ENDPOINT); browsers have no use for it.
 */
export function connectionsRoutes(webSockets: LocalWebSocketServer) {
  const gone = () =>
    new Response(JSON.stringify({ message: "The connection is not open" }), {
      status: 410,
      headers: { "content-type": "application/json", "x-amzn-errortype": "GoneException" },
    });
  return new Hono()
    .post("/@connections/:connectionId", async (c) => {
      const data = Buffer.from(await c.req.arrayBuffer());
      const sent = webSockets.post(c.req.param("connectionId"), data);
      return sent === "sent" ? c.body(null, 200) : gone();
    })
    .delete("/@connections/:connectionId", (c) =>
      webSockets.disconnect(c.req.param("connectionId")) === "closed" ? c.body(null, 204) : gone(),
    )
    .get("/@connections/:connectionId", (c) => {
      const connection = webSockets.describe(c.req.param("connectionId"));
      if (!connection) return gone();
      return c.json({
        ConnectedAt: connection.connectedAt.toISOString(),
        LastActiveAt: connection.lastActiveAt.toISOString(),
        Identity: { SourceIp: "127.0.0.1", UserAgent: "" },
      });
    });
}
