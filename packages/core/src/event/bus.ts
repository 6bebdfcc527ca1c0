import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from "@aws-sdk/client-eventbridge";
import * as z from "zod/mini";
import { type AwsRequestLimits, awsClientLimits } from "../util/aws-request-limits";
import { type EventEnvelope, eventSource } from "./catalogue";

const BusEnvironment = z.object({
  EVENT_BUS_NAME: z.string().check(z.minLength(1)),
  /** Set only locally, where the runtime accepts PutEvents itself. */
  EVENTBRIDGE_ENDPOINT: z.optional(z.url()),
  AWS_REGION: z._default(z.string(), "eu-west-2"),
});

/** PutEvents takes at most ten entries a call. */
const batchSize = 10;

export interface EventPublisher {
  /** Publishes the events in order; resolves with the ids of any that EventBridge did not accept. */
  publish(events: EventEnvelope[]): Promise<{ failedEventIds: string[] }>;
}

export interface BusConnectionOptions {
  endpoint?: string;
  region?: string;
  /** The limits every call keeps to; `awsRequestLimits` unless a test needs them shorter. */
  limits?: AwsRequestLimits;
}

export function eventBridgeClient(options: BusConnectionOptions = {}): EventBridgeClient {
  return new EventBridgeClient({
    region: options.region ?? "eu-west-2",
    ...awsClientLimits(options.limits),
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
      : {}),
  });
}

export function createEventPublisher(options: BusConnectionOptions & { busName: string }): EventPublisher {
  const client = eventBridgeClient(options);
  return {
    async publish(events) {
      const failedEventIds: string[] = [];
      for (let start = 0; start < events.length; start += batchSize) {
        const batch = events.slice(start, start + batchSize);
        const entries: PutEventsRequestEntry[] = batch.map((event) => ({
          EventBusName: options.busName,
          Source: eventSource,
          DetailType: event.type,
          Detail: JSON.stringify(event),
          Time: new Date(event.occurredAt),
        }));
        try {
          const result = await client.send(new PutEventsCommand({ Entries: entries }));
          result.Entries?.forEach((entry, index) => {
            const event = batch[index];
            if (entry.ErrorCode && event) failedEventIds.push(event.id);
          });
        } catch (error) {
          console.error("PutEvents failed", error);
          failedEventIds.push(...batch.map((event) => event.id));
        }
      }
      return { failedEventIds };
    },
  };
}

export function eventPublisherFromEnvironment(environment: NodeJS.ProcessEnv = process.env): EventPublisher {
  const parsed = BusEnvironment.parse(environment);
  return createEventPublisher({
    busName: parsed.EVENT_BUS_NAME,
    region: parsed.AWS_REGION,
    ...(parsed.EVENTBRIDGE_ENDPOINT ? { endpoint: parsed.EVENTBRIDGE_ENDPOINT } : {}),
  });
}
