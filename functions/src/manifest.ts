// Infra and the local runtime both read this file: it imports event type names and pure domain rules, nothing else.
import { type EventType, eventTypes, eventTypesAbout } from "@linkwork/core/event/catalogue";
import { liveEventTypes } from "@linkwork/core/live/domain/audience";

/**
 * Every function Linkwork deploys, by the handler it runs: relative to the repository root, in
 * SST's `file.export` form. Infra deploys these, the local runtime loads the same modules, and
 * tests/pipeline/manifest.test.ts holds each to an exported function.
 */
export const handlerPaths = {
  api: "functions/src/api/index.handler",
  relay: "functions/src/stream/relay.handler",
  timeline: "functions/src/events/timeline.handler",
  serviceLevels: "functions/src/schedules/service-levels.handler",
  liveNotifier: "functions/src/events/live-notifier.handler",
  liveConnect: "functions/src/live/connect.handler",
  liveDisconnect: "functions/src/live/disconnect.handler",
  liveMessage: "functions/src/live/message.handler",
} as const;

/** The WebSocket API's routes. */
export type WebSocketRoute = "$connect" | "$disconnect" | "$default";

/** The handler of each WebSocket route, served by API Gateway and locally by the runtime's `ws` server. */
export const webSocketHandlers: Readonly<Record<WebSocketRoute, string>> = {
  $connect: handlerPaths.liveConnect,
  $disconnect: handlerPaths.liveDisconnect,
  $default: handlerPaths.liveMessage,
};

/**
 * Who listens to what. Infra deploys one EventBridge rule, function and DLQ per entry; the local
 * bus routes with the same table, so both places deliver exactly the same events. A subscriber's
 * handler (`eventSubscriber`) names the same types, and refuses any other.
 */
export interface Subscription {
  name: string;
  handler: string;
  eventTypes: readonly EventType[];
}

export const subscriptions: readonly Subscription[] = [
  { name: "timeline", handler: handlerPaths.timeline, eventTypes: eventTypesAbout("referral") },
  { name: "live", handler: handlerPaths.liveNotifier, eventTypes: liveEventTypes(eventTypes) },
];

/**
 * Work that runs on a timer. Infra deploys one scheduled rule, function and DLQ per entry; the
 * local runtime runs the same handlers on an interval. Jobs must be safe to run twice.
 */
export interface Schedule {
  name: string;
  handler: string;
  everyMinutes: number;
}

export const schedules: readonly Schedule[] = [
  { name: "service-levels", handler: handlerPaths.serviceLevels, everyMinutes: 5 },
];
