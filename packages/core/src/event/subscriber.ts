import { type EventType, isEventOf, parseEvent, type TypedEvent } from "./catalogue";

/** What a subscriber is given: an EventBridge event, whose detail is a Linkwork envelope. */
export interface BusDelivery {
  detail: unknown;
}

/** A subscriber's Lambda handler, carrying the event types it was written for. */
export interface EventSubscriber<Type extends EventType> {
  (delivery: BusDelivery): Promise<void>;
  readonly eventTypes: readonly Type[];
}

/**
 * A subscriber's handler: it parses each delivery against the catalogue and hands on the event
 * typed as one of the types it names, data included. An event of any other type means the rule
 * and the subscriber disagree: it fails, so the delivery is retried and then dead-lettered
 * rather than dropped. functions/src/manifest.ts routes the same types to it.
 */
export function eventSubscriber<const Type extends EventType>(
  eventTypes: readonly Type[],
  handle: (event: TypedEvent<Type>) => Promise<unknown>,
): EventSubscriber<Type> {
  const subscriber = async (delivery: BusDelivery) => {
    const event = parseEvent(delivery.detail);
    if (!isEventOf(event, eventTypes)) {
      throw new Error(
        `This subscriber handles ${eventTypes.join(", ")}, not ${event.type} (event ${event.id})`,
      );
    }
    await handle(event);
  };
  return Object.assign(subscriber, { eventTypes });
}
