import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";

/** Where browsers open the board's WebSocket locally, on the API's own port. */
export const webSocketPath = "/live";

/** A WebSocket route's handler, as API Gateway invokes it: an event in, a status (and maybe a body) out. */
export type WebSocketRouteHandler = (event: unknown) => Promise<{ statusCode: number; body?: string }>;

export interface WebSocketRouteHandlers {
  $connect: WebSocketRouteHandler;
  $disconnect: WebSocketRouteHandler;
  $default: WebSocketRouteHandler;
}

export interface LocalWebSocketServer {
  /** Sends to one open connection, as PostToConnection does; "gone" when it is not open. */
  post(connectionId: string, data: Buffer): "sent" | "gone";
  /** Closes one connection from the server's side, as DeleteConnection does. */
  disconnect(connectionId: string): "closed" | "gone";
  /** When a connection opened, and when it last sent anything, as GetConnection reports them. */
  describe(connectionId: string): { connectedAt: Date; lastActiveAt: Date } | undefined;
  /** Open connections now. */
  size(): number;
  close(): Promise<void>;
}

interface Connection {
  socket: WebSocket;
  connectedAt: Date;
  lastActiveAt: Date;
}

/**
 * Plays API Gateway's WebSocket API on the local HTTP server: an upgrade to `/live` invokes the
 * `$connect` handler with the event API Gateway would send (connection id, route, query string),
 * and completes only on a 2xx; each text frame goes to `$default`, whose body is sent back (as a
 * route response would be); a close from either side invokes `$disconnect`.
 */
export function attachWebSocketServer(options: {
  server: Server;
  handlers: WebSocketRouteHandlers;
  log: (line: string) => void;
}): LocalWebSocketServer {
  const { handlers, log } = options;
  const webSockets = new WebSocketServer({ noServer: true, maxPayload: 128 * 1024 });
  const connections = new Map<string, Connection>();
  const pending = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>) => {
    pending.add(work);
    work.finally(() => pending.delete(work)).catch(() => undefined);
    return work;
  };

  const event = (connectionId: string, routeKey: string, eventType: string, extra: object = {}) => ({
    requestContext: {
      routeKey,
      eventType,
      connectionId,
      requestId: randomUUID(),
      requestTimeEpoch: Date.now(),
      connectedAt: connections.get(connectionId)?.connectedAt.getTime() ?? Date.now(),
      stage: "local",
      apiId: "local",
      domainName: "localhost",
    },
    isBase64Encoded: false,
    ...extra,
  });

  const invoke = async (route: keyof WebSocketRouteHandlers, input: unknown) => {
    try {
      return await handlers[route](input);
    } catch (error) {
      log(`${route} failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
      return { statusCode: 500 };
    }
  };

  const upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname !== webSocketPath) {
      refuse(socket, 404);
      return;
    }
    // API Gateway's ids are 12 random bytes in base64, case-sensitive.
    const connectionId = randomBytes(12).toString("base64");
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
    );
    const query = Object.fromEntries(url.searchParams);
    track(
      (async () => {
        const started = performance.now();
        const result = await invoke(
          "$connect",
          event(connectionId, "$connect", "CONNECT", {
            headers,
            ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
          }),
        );
        log(`WS $connect ${result.statusCode} ${Math.round(performance.now() - started)}ms`);
        if (result.statusCode < 200 || result.statusCode > 299) {
          refuse(socket, result.statusCode);
          return;
        }
        webSockets.handleUpgrade(request, socket, head, (webSocket) => opened(connectionId, webSocket));
      })(),
    );
  };

  const opened = (connectionId: string, socket: WebSocket) => {
    const now = new Date();
    connections.set(connectionId, { socket, connectedAt: now, lastActiveAt: now });
    socket.on("message", (data, isBinary) => {
      const connection = connections.get(connectionId);
      if (connection) connection.lastActiveAt = new Date();
      const body = isBinary ? Buffer.from(data as Buffer).toString("base64") : data.toString();
      track(
        invoke(
          "$default",
          event(connectionId, "$default", "MESSAGE", { body, isBase64Encoded: isBinary }),
        ).then((result) => {
          if (result.body !== undefined && socket.readyState === socket.OPEN) socket.send(result.body);
        }),
      );
    });
    socket.on("close", () => {
      connections.delete(connectionId);
      track(invoke("$disconnect", event(connectionId, "$disconnect", "DISCONNECT")));
    });
    socket.on("error", (error) => log(`WS ${connectionId}: ${error.message}`));
  };

  options.server.on("upgrade", upgrade);

  return {
    post(connectionId, data) {
      const connection = connections.get(connectionId);
      if (!connection || connection.socket.readyState !== connection.socket.OPEN) return "gone";
      connection.socket.send(data.toString("utf8"));
      return "sent";
    },
    disconnect(connectionId) {
      const connection = connections.get(connectionId);
      if (!connection) return "gone";
      connection.socket.close(1000, "Closed by the server");
      return "closed";
    },
    describe(connectionId) {
      const connection = connections.get(connectionId);
      return connection && { connectedAt: connection.connectedAt, lastActiveAt: connection.lastActiveAt };
    },
    size: () => connections.size,
    async close() {
      options.server.off("upgrade", upgrade);
      for (const { socket } of connections.values()) socket.terminate();
      await Promise.allSettled([...pending]);
      await new Promise<void>((resolve) => webSockets.close(() => resolve()));
    },
  };
}

function refuse(socket: Duplex, status: number) {
  const reason =
    status === 404 ? "Not Found" : status === 401 ? "Unauthorized" : status === 403 ? "Forbidden" : "Error";
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
