import type { EventPublisher } from "@linkwork/core/event/bus";
import { type BackoffPolicy, realWaiting, type Waiting, withBackoff } from "./backoff";
import { readDeadLetter } from "./dead-letter-message";
import type { DeadLetterQueue, QueuedMessage } from "./dead-letter-queue";

export interface RedriveOptions {
  queue: DeadLetterQueue;
  publisher: EventPublisher;
  backoff: BackoffPolicy;
  /** Stop after this many messages (all of them by default). */
  limit?: number;
  /**
   * Replays a time range from the outbox, resolving true once all of it was published: given, a
   * relay failure (which names only where its stream batch was) is replayed and removed.
   */
  replayRange?: (range: { from: Date; to: Date }) => Promise<boolean>;
  waiting?: Waiting;
  log?: (line: string) => void;
}

export interface RedriveSummary {
  /** Published to the bus again and removed from the queue. */
  redelivered: number;
  /** Still in the queue: the bus refused them every attempt. */
  failed: number;
  /** Still in the queue: relay batches to replay from the outbox by time, or messages that hold no event. */
  left: number;
  /** Time ranges to replay with `pnpm events:replay` (relay failures carry no events of their own). */
  replayRanges: { from: string; to: string }[];
}

const receiveBatch = 10;

/**
 * Sends a dead letter queue's events to the bus again. Each message is removed only once the bus
 * has accepted its event; subscribers dedupe on the event id, so an event that was in fact handled
 * before does no harm. Messages it cannot send stay, and are handed back at the end.
 */
export async function redrive(options: RedriveOptions): Promise<RedriveSummary> {
  const log = options.log ?? (() => undefined);
  const waiting = options.waiting ?? realWaiting;
  const summary: RedriveSummary = { redelivered: 0, failed: 0, left: 0, replayRanges: [] };
  const seen = new Set<string>();
  const kept: QueuedMessage[] = [];
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  let handled = 0;

  receiving: while (handled < limit) {
    const messages = (await options.queue.receive(receiveBatch)).filter(
      (message) => !seen.has(message.messageId),
    );
    if (messages.length === 0) break;
    for (const message of messages) {
      if (handled >= limit) {
        kept.push(message);
        break receiving;
      }
      seen.add(message.messageId);
      handled++;
      const content = readDeadLetter(message.body);
      if (content.kind === "stream-batch") {
        const range = replayWindow(content);
        if (options.replayRange && (await options.replayRange(range))) {
          await options.queue.remove(message);
          summary.redelivered++;
          log(
            `[${handled}] relay batch of ${content.batchSize}: replayed ${range.from.toISOString()} to ${range.to.toISOString()} from the outbox`,
          );
          continue;
        }
        summary.left++;
        summary.replayRanges.push({ from: range.from.toISOString(), to: range.to.toISOString() });
        log(
          `[${handled}] relay batch of ${content.batchSize}: left in the queue; replay it with pnpm events:replay -- --from ${range.from.toISOString()} --to ${range.to.toISOString()} (or redrive with --table)`,
        );
        kept.push(message);
        continue;
      }
      if (content.kind === "unreadable") {
        summary.left++;
        log(`[${handled}] message ${message.messageId} left in the queue: ${content.reason}`);
        kept.push(message);
        continue;
      }
      const { event } = content;
      const outcome = await withBackoff(
        async () => {
          const { failedEventIds } = await options.publisher.publish([event]);
          return failedEventIds.length === 0;
        },
        options.backoff,
        waiting,
      );
      if (outcome.succeeded) {
        await options.queue.remove(message);
        summary.redelivered++;
        log(`[${handled}] redelivered ${event.type} ${event.id} (attempt ${outcome.attempts})`);
      } else {
        summary.failed++;
        kept.push(message);
        log(
          `[${handled}] ${event.type} ${event.id}: the bus refused it ${outcome.attempts} times; left in the queue`,
        );
      }
    }
  }

  for (const message of kept) await options.queue.release(message);
  log(
    `${options.queue.name}: ${summary.redelivered} redelivered, ${summary.failed} failed, ${summary.left} left for replay or inspection`,
  );
  return summary;
}

/**
 * The outbox range a failed stream batch covers. The stream gives arrival times; an event occurred
 * (was stamped) shortly before its transaction committed, so the range starts a minute earlier and
 * ends just after the last arrival. Events replayed beyond the batch are deduplicated downstream.
 */
export function replayWindow(batch: { from: string; to: string }): { from: Date; to: Date } {
  return {
    from: new Date(Date.parse(batch.from) - 60_000),
    to: new Date(Date.parse(batch.to) + 1_000),
  };
}
