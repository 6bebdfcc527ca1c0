import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { awsClientLimits } from "@linkwork/core/util/aws-request-limits";
import type { DeadLetterQueue } from "./dead-letter-queue";

/** How long a received message stays hidden from other readers while this run handles it. */
const visibilitySeconds = 300;

/** A subscriber's (or the relay's) dead letter queue in AWS, by its name or URL. */
export async function sqsDeadLetterQueue(options: {
  queue: string;
  region: string;
}): Promise<DeadLetterQueue> {
  // A receive waits up to a second for messages (long polling), well inside the per-attempt limit.
  const client = new SQSClient({ region: options.region, ...awsClientLimits() });
  const queueUrl = options.queue.startsWith("https://")
    ? options.queue
    : (await client.send(new GetQueueUrlCommand({ QueueName: options.queue }))).QueueUrl;
  if (!queueUrl) throw new Error(`No queue named ${options.queue}`);
  return {
    name: queueUrl,
    async receive(max) {
      const result = await client.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: Math.min(max, 10),
          VisibilityTimeout: visibilitySeconds,
          WaitTimeSeconds: 1,
        }),
      );
      return (result.Messages ?? []).flatMap((message) =>
        message.ReceiptHandle && message.MessageId
          ? [{ handle: message.ReceiptHandle, messageId: message.MessageId, body: message.Body ?? "" }]
          : [],
      );
    },
    async remove(message) {
      await client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.handle }));
    },
    async release(message) {
      await client.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: queueUrl,
          ReceiptHandle: message.handle,
          VisibilityTimeout: 0,
        }),
      );
    },
  };
}
