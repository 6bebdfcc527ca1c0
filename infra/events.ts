import { eventSource } from "@linkwork/core/event/catalogue";
import { outboxStreamFilter } from "@linkwork/core/event/outbox-record";
import { type Subscription, subscriptions } from "@linkwork/core/event/subscriptions";
import { Duration } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { DynamoEventSource, SqsDlq } from "aws-cdk-lib/aws-lambda-event-sources";
import { EventBus, type Stack, type StackContext, type Table, use } from "sst/constructs";
import { subscriberTableActionsFor } from "./access";
import { deadLetters } from "./dead-letters";
import { linkworkFunction, ruleWorker } from "./functions";
import { type StageSettings, stageSettings } from "./stage";
import { Storage } from "./storage";

export const relayHandler = "functions/src/stream/relay.handler";

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

  const relayFailures = deadLetters(stack, "RelayFailures", settings, "Stream batches the relay gave up on");
  const relay = linkworkFunction(stack, "Relay", settings, {
    handler: relayHandler,
    timeout: "30 seconds",
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

  for (const subscription of subscriptions) subscribe(stack, settings, bus, table, subscription);

  stack.addOutputs({ EventBusName: bus.eventBusName });
  return { bus };
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
    purpose: `Events the ${subscription.name} subscriber could not handle`,
  });
  bus.addRules(stack, {
    [subscription.name]: {
      pattern: { source: [eventSource], detailType: [...subscription.eventTypes] },
      targets: { subscriber: { function: worker.fn, cdk: { target: worker.target } } },
    },
  });
}
