import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createEventPublisher, type EventPublisher } from "@linkwork/core/event/bus";
import { eventTypesAbout, isEventOf, parseEvent } from "@linkwork/core/event/catalogue";
import { recordTimelineEntry } from "@linkwork/core/timeline/record";
import { subscriptions } from "@linkwork/functions/manifest";
import { createLocalBus, type LocalBus } from "@linkwork/local/event-bus";
import { eventBridgePath, eventBridgeRoutes } from "@linkwork/local/eventbridge-endpoint";
import { operationsRoutes } from "@linkwork/local/ops/operations-routes";
import { Hono } from "hono";
import { createTestContext } from "../support/database";

export interface RecoveryHarness {
  context: Awaited<ReturnType<typeof createTestContext>>["context"];
  bus: LocalBus;
  /** The runtime's base URL, for the commands' local adapters. */
  runtimeUrl: string;
  publisher: EventPublisher;
  /** While set, the timeline subscriber fails, as it would with its table unavailable. */
  breakTimeline(broken: boolean): void;
  /** The timeline entries recorded for a referral, by event id. */
  timelineOf(referralId: string): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * The pieces of the local runtime a recovery touches, for real: a table in DynamoDB Local, the
 * local bus routing with the deployed subscription table to the real timeline subscriber, and the
 * runtime's EventBridge and operations routes over HTTP, where the commands reach them.
 */
export async function recoveryHarness(options: { deadLetterFile?: string } = {}): Promise<RecoveryHarness> {
  const { context } = await createTestContext();
  let broken = false;
  const bus = createLocalBus({
    busName: "linkwork-recovery-test",
    region: "eu-west-2",
    subscriptions,
    retry: { attempts: 2, firstDelayMs: 1 },
    ...(options.deadLetterFile ? { deadLetterFile: options.deadLetterFile } : {}),
    loadHandler: async (subscription) => async (event) => {
      if (subscription.name !== "timeline") return;
      if (broken) throw new Error("timeline table unavailable");
      const parsed = parseEvent(event.detail);
      if (isEventOf(parsed, eventTypesAbout("referral"))) await recordTimelineEntry(context.db, parsed);
    },
  });
  const app = new Hono().route("/", eventBridgeRoutes(bus)).route("/", operationsRoutes(bus, context));
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const runtimeUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    context,
    bus,
    runtimeUrl,
    publisher: createEventPublisher({ busName: bus.busName, endpoint: `${runtimeUrl}${eventBridgePath}` }),
    breakTimeline(value) {
      broken = value;
    },
    async timelineOf(referralId) {
      const { data } = await context.db.entities.timeline.query
        .byReferral({ referralId })
        .go({ pages: "all" });
      return data.map((entry) => entry.eventId);
    },
    async close() {
      await bus.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
