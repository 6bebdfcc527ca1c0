import { type EventType, eventTypes } from "./catalogue";

/**
 * Who listens to what. Infra deploys one EventBridge rule, function and DLQ per entry; the local
 * runtime routes with the same table, so both places deliver exactly the same events.
 * `handler` is relative to the repository root, in SST's `file.export` form.
 */
export interface Subscription {
  name: string;
  handler: string;
  eventTypes: readonly EventType[];
}

export const subscriptions: readonly Subscription[] = [
  {
    name: "timeline",
    handler: "functions/src/events/timeline.handler",
    eventTypes: eventTypes.filter((type) => type.startsWith("referral.")),
  },
];
