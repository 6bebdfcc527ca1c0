import type { EventPublisher } from "@linkwork/core/event/bus";
import type { EventEnvelope } from "@linkwork/core/event/catalogue";
import type { OutboxRead } from "@linkwork/core/event/outbox";
import { type BackoffPolicy, realWaiting, type Waiting, withBackoff } from "./backoff";

export interface ReplaySummary {
  published: number;
  failed: string[];
  unreadable: string[];
}

/** PutEvents takes ten entries a call. */
const batchSize = 10;

/**
 * Publishes the outbox's events again, oldest first, in batches; a batch the bus refuses is retried
 * with backoff, and what still fails is named in the summary. Subscribers dedupe on the event id,
 * so replaying an event that was handled changes nothing.
 */
export async function replay(options: {
  events: AsyncIterable<OutboxRead>;
  publisher: EventPublisher;
  backoff: BackoffPolicy;
  waiting?: Waiting;
  log?: (line: string) => void;
}): Promise<ReplaySummary> {
  const log = options.log ?? (() => undefined);
  const summary: ReplaySummary = { published: 0, failed: [], unreadable: [] };
  let batch: EventEnvelope[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    let pending = batch;
    batch = [];
    await withBackoff(
      async () => {
        const { failedEventIds } = await options.publisher.publish(pending);
        const failed = new Set(failedEventIds);
        summary.published += pending.length - failed.size;
        pending = pending.filter((event) => failed.has(event.id));
        return pending.length === 0;
      },
      options.backoff,
      options.waiting ?? realWaiting,
    );
    summary.failed.push(...pending.map((event) => event.id));
    log(`published ${summary.published} so far${pending.length > 0 ? `, ${pending.length} refused` : ""}`);
  };

  for await (const read of options.events) {
    if ("unreadable" in read) {
      summary.unreadable.push(read.unreadable);
      log(`outbox item ${read.unreadable} skipped: ${read.reason}`);
      continue;
    }
    batch.push(read.event);
    if (batch.length === batchSize) await flush();
  }
  await flush();
  log(
    `replayed ${summary.published} events, ${summary.failed.length} refused, ${summary.unreadable.length} unreadable`,
  );
  return summary;
}

/** Everything in the range was published: nothing refused, nothing unreadable left for a person. */
export function isComplete(summary: ReplaySummary): boolean {
  return summary.failed.length === 0 && summary.unreadable.length === 0;
}
