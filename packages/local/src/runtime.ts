import type { Server } from "node:http";
import { join } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { createAdaptorServer } from "@hono/node-server";
import type { Context } from "@linkwork/core/context";
import { connect } from "@linkwork/core/db/client";
import { createDatabase } from "@linkwork/core/db/database";
import { outboxStreamFilter } from "@linkwork/core/event/outbox-record";
import { rewriteReferralKeys } from "@linkwork/core/referral/migrate-keys";
import { awsClientLimits } from "@linkwork/core/util/aws-request-limits";
import { systemClock } from "@linkwork/core/util/clock";
import { handlerPaths, schedules, subscriptions, webSocketHandlers } from "@linkwork/functions/manifest";
import type { HttpApiHandler } from "./api-gateway";
import { dataLayout, ensurePrivateDirectory, wipeData } from "./data-directory";
import { createDevIssuer, devAudience } from "./dev-issuer";
import { assertDataFolderFree, type DynamoDbLocal, startDynamoDbLocal } from "./dynamodb";
import { LocalRuntimeError } from "./errors";
import { createLocalBus, type LocalBus, type RetryPolicy, type SubscriberHandler } from "./event-bus";
import { eventBridgePath } from "./eventbridge-endpoint";
import { loadHandler, repositoryRoot } from "./handlers";
import { appendJsonLine } from "./json-lines";
import { createScheduler, type JobHandler, type Scheduler } from "./scheduler";
import { isDatabaseEmpty, type SeedResult, seedDemoWorld } from "./seed";
import { createLocalApp } from "./server";
import { createStreamPoller, type StreamHandler, type StreamPoller } from "./stream-poller";
import { ensureTable } from "./table";
import {
  attachWebSocketServer,
  type LocalWebSocketServer,
  type WebSocketRouteHandler,
  webSocketPath,
} from "./websocket-server";

export interface LocalRuntimeOptions {
  /** 0 picks any free port; by default PORT, or 3000. */
  port?: number;
  /** The interface to listen on; loopback by default, since the dev issuer signs in anyone. */
  host?: string;
  /** Keep data here across restarts; without it everything lives in memory. */
  dataDirectory?: string;
  /** Wipe the data directory first. */
  reset?: boolean;
  /** Seed the demo world when the database is empty (default true). */
  seed?: boolean;
  /** The built web app; `<repo>/web/dist` by default. */
  webRoot?: string;
  log?: (line: string) => void;
  /** Use this DynamoDB (a test run's DynamoDB Local) instead of starting one. */
  dynamodbEndpoint?: string;
  tableName?: string;
  /** How the local bus retries a failing subscriber before dead-lettering the event. */
  busRetry?: RetryPolicy;
  streamPollIntervalMs?: number;
  /** How DynamoDB Local's JVM is tuned: quick to start (tests) or quick to answer (a session of use). */
  dynamodbJvm?: "fast-start" | "throughput";
  /** How often scheduled jobs (the service-level sweep) run locally; every minute by default. */
  scheduleIntervalMs?: number;
}

export interface LocalRuntime {
  url: string;
  /** Where the board's WebSocket opens (with a ticket from `POST /api/live/tickets`). */
  liveUrl: string;
  port: number;
  context: Context;
  tableName: string;
  dynamodb: { endpoint: string; pid: number | undefined };
  bus: Pick<LocalBus, "whenIdle" | "deliveries" | "deadLetters" | "accepted">;
  stream: Pick<StreamPoller, "whenCaughtUp" | "failedBatches">;
  /** What seeding created on this start; undefined when it did not seed. */
  seeded: SeedResult | undefined;
  /** Resolves once every event written so far has been relayed and delivered to its subscribers. */
  settled(): Promise<void>;
  /** Runs every scheduled job now, as its schedule would. */
  runScheduledJobs(): Promise<void>;
  stop(): Promise<void>;
}

const busName = "linkwork-local";
const region = "eu-west-2";

/** Handlers read their environment once, when imported: this process's handlers belong to one setup. */
let handlerEnvironment: string | undefined;
let running = false;

/**
 * Plays AWS's part locally with the deployed handlers: DynamoDB Local for the table, the API
 * Lambda behind an API Gateway emulation, a stream poller feeding the relay, a local EventBridge
 * routing to the subscribers, the WebSocket API's routes behind a `ws` server with a local
 * `@connections` endpoint, a dev token issuer, and the built web app, all on one port.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  if (running) throw new Error("A local runtime is already running in this process");
  const log = options.log ?? (() => undefined);
  const layout = options.dataDirectory ? dataLayout(options.dataDirectory) : undefined;
  if (layout) {
    assertDataFolderFree(layout.dynamodb);
    if (options.reset) wipeData(layout.root);
    ensurePrivateDirectory(layout.root);
  }
  running = true;

  const parts: {
    server?: Server;
    dynamodb?: DynamoDbLocal;
    bus?: LocalBus;
    poller?: StreamPoller;
    scheduler?: Scheduler;
    webSockets?: LocalWebSocketServer;
  } = {};
  let stopping: Promise<void> | undefined;
  // The poller goes first, so a batch in flight can still publish through the bus and the server.
  const stopAll = () => {
    stopping ??= (async () => {
      const quietly = (step: Promise<void> | undefined) =>
        step?.catch((error) => log(`while stopping: ${error}`));
      await quietly(parts.scheduler?.stop());
      await quietly(parts.poller?.stop());
      await quietly(parts.bus?.close());
      await quietly(parts.webSockets?.close());
      await quietly(parts.server && closeServer(parts.server));
      await quietly(parts.dynamodb?.stop());
      running = false;
    })();
    return stopping;
  };
  try {
    let serve: (request: Request, env: unknown) => Response | Promise<Response> = () =>
      new Response("Linkwork is starting", { status: 503, headers: { "retry-after": "1" } });
    const server = await listen(
      (request, env) => serve(request, env),
      options.port ?? portFromEnvironment(),
      options.host ?? "127.0.0.1",
    );
    parts.server = server;
    const port = (server.address() as { port: number }).port;
    const url = `http://localhost:${port}`;
    const internalUrl = `http://${loopbackFor(options.host ?? "127.0.0.1")}:${port}`;
    const liveUrl = `ws://localhost:${port}${webSocketPath}`;

    const started = performance.now();
    const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;
    if (!options.dynamodbEndpoint) {
      parts.dynamodb = await startDynamoDbLocal({
        ...(layout ? { dataDirectory: layout.dynamodb } : {}),
        ...(options.dynamodbJvm ? { jvm: options.dynamodbJvm } : {}),
      });
      log(`DynamoDB Local is up at ${parts.dynamodb.endpoint} (${elapsed()})`);
    }
    const endpoint = options.dynamodbEndpoint ?? (parts.dynamodb as DynamoDbLocal).endpoint;
    const tableName = options.tableName ?? "linkwork-local";
    const raw = new DynamoDBClient({
      endpoint,
      region,
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
      ...awsClientLimits(),
    });
    await ensureTable(raw, tableName).finally(() => raw.destroy());

    const issuer = `${url}/auth/dev`;
    setHandlerEnvironment({
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: endpoint,
      AWS_REGION: region,
      EVENT_BUS_NAME: busName,
      EVENTBRIDGE_ENDPOINT: `${internalUrl}${eventBridgePath}`,
      JWT_ISSUER: issuer,
      JWT_AUDIENCE: devAudience,
      JWKS_URL: `${internalUrl}/auth/dev/jwks.json`,
      LIVE_URL: liveUrl,
      LIVE_CONNECTIONS_ENDPOINT: internalUrl,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    });
    const api = await loadHandler<HttpApiHandler>(handlerPaths.api);
    const relay = await loadHandler<StreamHandler>(handlerPaths.relay);
    const webSockets = attachWebSocketServer({
      server,
      handlers: {
        $connect: await loadHandler<WebSocketRouteHandler>(webSocketHandlers.$connect),
        $disconnect: await loadHandler<WebSocketRouteHandler>(webSocketHandlers.$disconnect),
        $default: await loadHandler<WebSocketRouteHandler>(webSocketHandlers.$default),
      },
      log,
    });
    parts.webSockets = webSockets;
    log(`table ${tableName} ready, handlers loaded (${elapsed()})`);

    const context: Context = {
      db: createDatabase(connect({ tableName, endpoint, region })),
      clock: systemClock,
    };
    const bus = createLocalBus({
      busName,
      region,
      subscriptions,
      loadHandler: (subscription) => loadHandler<SubscriberHandler>(subscription.handler),
      ...(options.busRetry ? { retry: options.busRetry } : {}),
      ...(layout ? { deadLetterFile: layout.deadLetters } : {}),
      log,
    });
    parts.bus = bus;
    const devIssuer = await createDevIssuer({
      issuer,
      audience: devAudience,
      ...(layout ? { keyFile: layout.devIssuerKey } : {}),
    });
    const app = createLocalApp({
      api,
      issuer: devIssuer,
      context,
      bus,
      webSockets,
      webRoot: options.webRoot ?? join(repositoryRoot, "web", "dist"),
      log,
    });
    serve = (request, env) => app.fetch(request, env as never);

    const poller = createStreamPoller({
      endpoint,
      region,
      tableName,
      handler: relay,
      filter: outboxStreamFilter,
      ...(layout ? { checkpointFile: layout.streamCheckpoints } : {}),
      ...(options.streamPollIntervalMs ? { pollIntervalMs: options.streamPollIntervalMs } : {}),
      onFailedBatch: (failure) => {
        if (layout) appendJsonLine(layout.relayFailures, failure);
      },
      log,
    });
    parts.poller = poller;
    poller.start();

    const scheduler = createScheduler({
      jobs: schedules,
      loadHandler: (job) => loadHandler<JobHandler>(job.handler),
      intervalMs: () => options.scheduleIntervalMs ?? 60_000,
      log,
    });
    parts.scheduler = scheduler;
    scheduler.start();

    const empty = await isDatabaseEmpty(context);
    if (!empty) {
      // Data kept from an earlier version is brought to this version's keys before anyone reads it.
      const rewritten = await rewriteReferralKeys(context);
      if (rewritten.rewritten > 0)
        log(`brought ${rewritten.rewritten} referrals to the current keys (${elapsed()})`);
    }
    const seeded = options.seed !== false && empty ? await seedDemoWorld(context) : undefined;
    if (seeded) log(`seeded the demo world: ${JSON.stringify(seeded)} (${elapsed()})`);

    const settled = async () => {
      for (;;) {
        const before = bus.accepted();
        await poller.whenCaughtUp();
        await bus.whenIdle();
        if (bus.accepted() === before) return;
      }
    };

    return {
      url,
      liveUrl,
      port,
      context,
      tableName,
      dynamodb: { endpoint, pid: parts.dynamodb?.pid },
      bus: {
        whenIdle: () => bus.whenIdle(),
        deliveries: () => bus.deliveries(),
        deadLetters: () => bus.deadLetters(),
        accepted: () => bus.accepted(),
      },
      stream: { whenCaughtUp: () => poller.whenCaughtUp(), failedBatches: () => poller.failedBatches() },
      seeded,
      settled,
      runScheduledJobs: () => scheduler.runNow(),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function setHandlerEnvironment(environment: Record<string, string>): void {
  const fingerprint = JSON.stringify(environment);
  if (handlerEnvironment !== undefined && handlerEnvironment !== fingerprint) {
    throw new Error(
      "The handlers in this process were loaded for another local runtime (another port or database) and read their settings only once. Start this runtime in a new process, or with the same port and DynamoDB endpoint.",
    );
  }
  Object.assign(process.env, environment);
  handlerEnvironment = fingerprint;
}

function portFromEnvironment(): number {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new LocalRuntimeError("port_in_use", `PORT must be a port number, not "${process.env.PORT}"`);
  }
  return port;
}

function loopbackFor(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "localhost") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

function listen(
  fetch: (request: Request, env: unknown) => Response | Promise<Response>,
  port: number,
  host: string,
): Promise<Server> {
  const server = createAdaptorServer({ fetch, overrideGlobalObjects: false }) as Server;
  return new Promise((resolveListening, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(
          new LocalRuntimeError(
            "port_in_use",
            `Port ${port} is already in use (is Linkwork already running?). Stop whatever uses it, or choose another port: PORT=${port + 1} npm start`,
          ),
        );
      } else reject(error);
    });
    server.listen(port, host, () => resolveListening(server));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolveClosed) => {
    server.close(() => resolveClosed());
    server.closeAllConnections();
  });
}
