import { connect } from "@linkwork/core/db/client";
import { createDatabase } from "@linkwork/core/db/database";
import { createEventPublisher } from "@linkwork/core/event/bus";
import { outboxEventsBetween } from "@linkwork/core/event/outbox";
import { backoffOf, RedriveArguments, readCommand } from "./command-arguments";
import type { DeadLetterQueue } from "./dead-letter-queue";
import { localDeadLetterQueue } from "./local-dead-letter-queue";
import { localRuntimeParts } from "./local-runtime-parts";
import { redrive } from "./redrive";
import { isComplete, replay } from "./replay";
import { sqsDeadLetterQueue } from "./sqs-dead-letter-queue";

const usage = `Usage: pnpm events:redrive -- --queue <name or URL> --bus <event bus name> [options]
       pnpm events:redrive -- --local [--subscription <name>] [options]

Sends the events in a dead letter queue to the event bus again, and removes each message once the
bus has accepted it. Subscribers ignore an event they have already handled, so this is safe to run
more than once. Relay failures carry no events, only where their stream batch was: with --table
the command replays that time range from the outbox, otherwise it prints the range to replay.

  --queue <name|url>       the dead letter queue (stack outputs: SubscribertimelineDeadLettersQueueUrl, RelayFailuresQueueUrl, ...)
  --bus <name>             the event bus (EVENT_BUS_NAME), --region (AWS_REGION, eu-west-2)
  --local                  the local runtime's dead letters and bus (--runtime-url, http://localhost:3000)
  --table <name>           replay the relay's failed batches from this table's outbox (TABLE_NAME)
  --subscription <name>    locally, only this subscriber's dead letters
  --limit <n>              at most n messages
  --attempts <n>           tries per event (5), waits up to --base-delay-ms (200) doubling to --max-delay-ms (10000)`;

const options = readCommand(RedriveArguments, usage);

try {
  let queue: DeadLetterQueue;
  let publisher: ReturnType<typeof createEventPublisher>;
  if (options.local) {
    const parts = await localRuntimeParts(options.runtimeUrl);
    queue = localDeadLetterQueue({
      runtimeUrl: options.runtimeUrl,
      ...(options.subscription ? { subscription: options.subscription } : {}),
    });
    publisher = createEventPublisher({ busName: parts.busName, endpoint: parts.eventBridgeEndpoint });
  } else {
    queue = await sqsDeadLetterQueue({ queue: options.queue ?? "", region: options.region });
    publisher = createEventPublisher({ busName: options.bus ?? "", region: options.region });
  }

  const backoff = backoffOf(options);
  const table = !options.local && options.table ? options.table : undefined;
  const db = table ? createDatabase(connect({ tableName: table, region: options.region })) : undefined;
  const summary = await redrive({
    queue,
    publisher,
    backoff,
    ...(options.limit ? { limit: options.limit } : {}),
    ...(db
      ? {
          replayRange: async (range: { from: Date; to: Date }) =>
            isComplete(await replay({ events: outboxEventsBetween(db, range), publisher, backoff })),
        }
      : {}),
    log: (line) => console.info(line),
  });
  process.exit(summary.failed > 0 ? 1 : 0);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
