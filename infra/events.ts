import { eventSource } from "@linkwork/core/event/catalogue";
import { outboxStreamFilter } from "@linkwork/core/event/outbox-record";
import { handlerPaths, type Subscription, subscriptions } from "@linkwork/functions/manifest";
import { Duration } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { DynamoEventSource, SqsDlq } from "aws-cdk-lib/aws-lambda-event-sources";
import { EventBus, type Stack, type StackContext, type Table, use } from "sst/constructs";
import { subscriberTableActionsFor } from "./access";
import { exempt, failuresKeptBy } from "./compliance";
import { deadLetters } from "./dead-letters";
import { linkworkFunction, ruleWorker } from "./functions";
import { type StageSettings, stageSettings } from "./stage";
import { Storage } from "./storage";

/**
 * How long the bus archive keeps every Linkwork event: long enough to replay a missed day or week
 * after it is noticed (subscribers dedupe on the event id, so a replay is safe), as the table's
 * point-in-time recovery keeps the data 35 days.
 */
export const archiveRetention = Duration.days(35);

/**
 * Only new outbox items reach the relay: ElectroDB marks each item with its entity name in
 * `__edb_e__`, and updates or removals (the outbox item expiring) are never events.
 */
export const outboxInsertFilter = lambda.FilterCriteria.filter(outboxStreamFilter);

/** The transactional outbox: table stream -> relay -> bus -> one function per subscription. */
export function Events({ app, stack }: StackContext) {
  const settings = stageSettings(app.stage);
  const { table } = use(Storage);
  const bus = new EventBus(stack, "Bus");
  const archive = bus.cdk.eventBus.archive("Archive", {
    description: `Every Linkwork event on the ${settings.stage} bus, for replay`,
    eventPattern: { source: [eventSource] },
    retention: archiveRetention,
  });

  const relayFailures = deadLetters(stack, "RelayFailures", settings, "Stream batches the relay gave up on");
  const relay = linkworkFunction(stack, "Relay", settings, {
    handler: handlerPaths.relay,
    timeout: "30 seconds",
    // A stream shard has one batch in flight at a time; this is room for the shards of a busy table.
    concurrency: 10,
    environment: { EVENT_BUS_NAME: bus.eventBusName },
    permissions: [new iam.PolicyStatement({ actions: ["events:PutEvents"], resources: [bus.eventBusArn] })],
  });
  relay.addEventSource(
    new DynamoEventSource(table.cdk.table, {
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: 25,
      bisectBatchOnError: true,
      retryAttempts: 5,
      // Outbox items live a week, so a batch given up on here can still be replayed from the table.
      maxRecordAge: Duration.hours(12),
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(relayFailures.queue),
      filters: [outboxInsertFilter],
    }),
  );
  exempt(relay, [
    failuresKeptBy(
      "Invoked by the table stream's event source mapping, never asynchronously: batches it gives up on go to the mapping's on-failure destination (RelayFailures)",
    ),
  ]);

  for (const subscription of subscriptions) subscribe(stack, settings, bus, table, subscription);

  stack.addOutputs({ EventBusName: bus.eventBusName, EventArchiveName: archive.archiveName });
  return { bus, archive };
}

/** One subscriber: its function and dead letter queue, and its rule on the bus. */
function subscribe(
  stack: Stack,
  settings: StageSettings,
  bus: EventBus,
  table: Table,
  subscription: Subscription,
) {
  const worker = ruleWorker(stack, `Subscriber_${subscription.name}`, settings, {
    handler: subscription.handler,
    table,
    tableActions: subscriberTableActionsFor(subscription.name),
    concurrency: 10,
    purpose: `Events the ${subscription.name} subscriber could not handle`,
  });
  bus.addRules(stack, {
    [subscription.name]: {
      pattern: { source: [eventSource], detailType: [...subscription.eventTypes] },
      targets: { subscriber: { function: worker.fn, cdk: { target: worker.target } } },
    },
  });
}
