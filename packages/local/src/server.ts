import type { HttpBindings } from "@hono/node-server";
import type { Context } from "@linkwork/core/context";
import { Hono } from "hono";
import { type HttpApiHandler, invokeHttpApi } from "./api-gateway";
import { connectionsRoutes } from "./connections-endpoint";
import type { DevIssuer } from "./dev-issuer";
import { devIssuerRoutes } from "./dev-issuer-routes";
import type { LocalBus } from "./event-bus";
import { eventBridgeRoutes } from "./eventbridge-endpoint";
import { createJwtAuthorizer } from "./jwt-authorizer";
import { operationsRoutes } from "./ops/operations-routes";
import { webApp } from "./web-app";
import type { LocalWebSocketServer } from "./websocket-server";

export interface LocalAppParts {
  api: HttpApiHandler;
  issuer: DevIssuer;
  context: Context;
  bus: LocalBus;
  /** The WebSocket API's connections, for the local `@connections` endpoint (none without it). */
  webSockets?: LocalWebSocketServer;
  webRoot: string;
  log: (line: string) => void;
}

/**
 * Everything on one port, as CloudFront and API Gateway present it in AWS: the API under `/api`
 * (behind the JWT authorizer, as deployed),
 * local sign-in under `/auth/dev`, the local EventBridge and `@connections` endpoints, and the web
 * app for the rest (the board's WebSocket upgrades on the same port: websocket-server.ts).
 */
export function createLocalApp(parts: LocalAppParts) {
  const app = new Hono<{ Bindings: HttpBindings }>();

  app.use("/api/*", async (c, next) => {
    const started = performance.now();
    await next();
    parts.log(`${c.req.method} ${c.req.path} ${c.res.status} ${Math.round(performance.now() - started)}ms`);
  });
  const authorize = createJwtAuthorizer({
    issuer: parts.issuer.issuer,
    audience: [parts.issuer.audience],
    jwks: parts.issuer.jwks(),
  });
  const api = async (c: { req: { raw: Request }; env: HttpBindings }) =>
    (await authorize(c.req.raw)) ??
    invokeHttpApi(parts.api, c.req.raw, c.env.incoming.socket.remoteAddress ?? "127.0.0.1");
  app.all("/api", api);
  app.all("/api/*", api);

  app.route("/", devIssuerRoutes(parts.issuer, parts.context));
  app.route("/", eventBridgeRoutes(parts.bus));
  if (parts.webSockets) app.route("/", connectionsRoutes(parts.webSockets));
  app.route("/", operationsRoutes(parts.bus, parts.context));
  app.all("/auth/*", (c) => c.notFound());
  app.all("/local/*", (c) => c.notFound());

  app.use("*", webApp(parts.webRoot));
  app.notFound((c) => c.text("Not found", 404));
  // A Lambda that throws reaches the client as API Gateway's bare 500.
  app.onError((error, c) => {
    parts.log(`${c.req.method} ${c.req.path} failed: ${error.stack ?? error.message}`);
    return c.json({ message: "Internal Server Error" }, 500);
  });
  return app;
}
