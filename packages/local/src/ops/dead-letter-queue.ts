/** One message waiting in a dead letter queue. */
export interface QueuedMessage {
  /** What `remove` and `release` name it by: an SQS receipt handle, a local dead letter's id. */
  handle: string;
  /** Stable across receives, so a run never handles one message twice. */
  messageId: string;
  body: string;
}

/**
 * A dead letter queue as a redrive sees it: SQS in AWS, the local bus's dead letters locally.
 * Received messages stay in the queue until removed; released ones may be received again.
 */
export interface DeadLetterQueue {
  readonly name: string;
  /** Up to `max` messages; none when the queue is empty. */
  receive(max: number): Promise<QueuedMessage[]>;
  remove(message: QueuedMessage): Promise<void>;
  /** Hands a message back for a later run (SQS: visible again at once). */
  release(message: QueuedMessage): Promise<void>;
}
