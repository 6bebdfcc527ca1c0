import { eventSource } from "@linkwork/core/event/catalogue";
import { isOutboxImage } from "@linkwork/core/event/outbox-record";
import { subscriptions } from "@linkwork/functions/manifest";
import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { archiveRetention, Events } from "../events";
import { Storage } from "../storage";
import { synthesise } from "./support/synthesise";
import { functionNamed, logicalIdOf, resourceNamed, resourcesOfType } from "./support/template";

let events: Template;

beforeAll(async () => {
  const synthesised = await synthesise({ stage: "dev", stacks: [Storage, Events] });
  events = synthesised.template(Events);
  synthesised.dispose();
});

describe("the relay", () => {
  it("only receives new outbox items", () => {
    const mapping = resourcesOfType(events, "AWS::Lambda::EventSourceMapping");
    expect(mapping).toHaveLength(1);
    const filters: { Pattern: string }[] = mapping[0]?.Properties.FilterCriteria.Filters ?? [];
    expect(filters.map((filter) => JSON.parse(filter.Pattern))).toEqual([
      { eventName: ["INSERT"], dynamodb: { NewImage: { __edb_e__: { S: ["outbox"] } } } },
    ]);
  });

  it("filters on the same marker the relay itself checks", () => {
    expect(isOutboxImage({ __edb_e__: { S: "outbox" } })).toBe(true);
    expect(isOutboxImage({ __edb_e__: { S: "referral" } })).toBe(false);
  });

  it("reads the stream from the oldest record, splits failing batches, retries, then parks them", () => {
    const relay = functionNamed(events, "Relay");
    const failures = logicalIdOf(events, "RelayFailures", "AWS::SQS::Queue");
    events.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      FunctionName: { Ref: relay.logicalId },
      EventSourceArn: Match.anyValue(),
      StartingPosition: "TRIM_HORIZON",
      BatchSize: 25,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: 12 * 60 * 60,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      DestinationConfig: { OnFailure: { Destination: { "Fn::GetAtt": [failures, "Arn"] } } },
    });
  });

  it("publishes to the bus it is told about", () => {
    const relay = functionNamed(events, "Relay");
    const bus = logicalIdOf(events, "Bus", "AWS::Events::EventBus");
    expect(relay.properties.Environment.Variables.EVENT_BUS_NAME).toEqual({ Ref: bus });
  });

  it("raises an alarm as soon as a batch lands in its failure queue", () => {
    const failures = logicalIdOf(events, "RelayFailures", "AWS::SQS::Queue");
    events.hasResourceProperties("AWS::CloudWatch::Alarm", alarmOn(failures));
  });
});

describe("subscribers", () => {
  it("there is one rule per subscription and no other", () => {
    expect(resourcesOfType(events, "AWS::Events::Rule")).toHaveLength(subscriptions.length);
  });

  for (const subscription of subscriptions) {
    describe(subscription.name, () => {
      it("its rule matches Linkwork's source and exactly its event types", () => {
        const rule = ruleFor(subscription.name);
        expect(rule.EventPattern).toEqual({
          source: [eventSource],
          "detail-type": [...subscription.eventTypes],
        });
        expect(rule.EventBusName).toEqual({ Ref: logicalIdOf(events, "Bus", "AWS::Events::EventBus") });
      });

      it("its function runs the subscription's handler with the table's name", () => {
        const subscriber = functionNamed(events, `Subscriber_${subscription.name}`);
        expect(subscriber.properties.Handler).toBe(subscription.handler);
        expect(Object.keys(subscriber.properties.Environment.Variables)).toContain("TABLE_NAME");
        const target = (ruleFor(subscription.name).Targets as { Arn: unknown }[])[0];
        expect(target?.Arn).toEqual({ "Fn::GetAtt": [subscriber.logicalId, "Arn"] });
      });

      it("delivery is retried, and what still fails lands in its own dead letter queue", () => {
        const queue = logicalIdOf(events, `Subscriber_${subscription.name}_DeadLetters`, "AWS::SQS::Queue");
        const target = (ruleFor(subscription.name).Targets as Record<string, unknown>[])[0];
        expect(target?.RetryPolicy).toEqual({
          MaximumRetryAttempts: 10,
          MaximumEventAgeInSeconds: 24 * 60 * 60,
        });
        expect(target?.DeadLetterConfig).toEqual({ Arn: { "Fn::GetAtt": [queue, "Arn"] } });
      });

      it("a function that fails every attempt sends the event to the same queue", () => {
        const queue = logicalIdOf(events, `Subscriber_${subscription.name}_DeadLetters`, "AWS::SQS::Queue");
        const subscriber = functionNamed(events, `Subscriber_${subscription.name}`);
        events.hasResourceProperties("AWS::Lambda::EventInvokeConfig", {
          FunctionName: { Ref: subscriber.logicalId },
          MaximumRetryAttempts: 2,
          DestinationConfig: { OnFailure: { Destination: { "Fn::GetAtt": [queue, "Arn"] } } },
        });
      });

      it("an alarm fires as soon as anything is in its dead letter queue", () => {
        const queue = logicalIdOf(events, `Subscriber_${subscription.name}_DeadLetters`, "AWS::SQS::Queue");
        events.hasResourceProperties("AWS::CloudWatch::Alarm", alarmOn(queue));
      });
    });
  }
});

describe("recovery", () => {
  it("the bus archives every Linkwork event for 35 days, long enough to replay a missed week", () => {
    const archives = resourcesOfType(events, "AWS::Events::Archive");
    expect(archives).toHaveLength(1);
    expect(archiveRetention.toDays()).toBe(35);
    expect(archives[0]?.Properties).toMatchObject({
      SourceArn: { "Fn::GetAtt": [logicalIdOf(events, "Bus", "AWS::Events::EventBus"), "Arn"] },
      EventPattern: { source: [eventSource] },
      RetentionDays: 35,
    });
  });

  it("each dead letter queue's URL is a stack output, for pnpm events:redrive", () => {
    const outputs = events.toJSON().Outputs as Record<string, { Value: unknown }>;
    for (const id of [
      "RelayFailures",
      ...subscriptions.map((subscription) => `Subscriber_${subscription.name}_DeadLetters`),
    ]) {
      const queue = logicalIdOf(events, id, "AWS::SQS::Queue");
      expect(outputs[`${id.replace(/_/g, "")}QueueUrl`]?.Value, id).toEqual({ Ref: queue });
    }
  });

  it("every dead letter alarm notifies the stack's alerts topic, which is encrypted and HTTPS-only", () => {
    const topic = logicalIdOf(events, "Alerts", "AWS::SNS::Topic");
    const alarms = resourcesOfType(events, "AWS::CloudWatch::Alarm");
    expect(alarms.length).toBe(1 + subscriptions.length);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topic }]);
    const key = logicalIdOf(events, "OperationsKey", "AWS::KMS::Key");
    expect(resourceNamed(events, "Alerts", "AWS::SNS::Topic").Properties.KmsMasterKeyId).toEqual({
      "Fn::GetAtt": [key, "Arn"],
    });
    events.hasResourceProperties("AWS::SNS::TopicPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
        ]),
      },
    });
  });
});

describe("operational data", () => {
  it("every log group is encrypted with the stack's rotated key", () => {
    const key = resourceNamed(events, "OperationsKey", "AWS::KMS::Key");
    expect(key.Properties.EnableKeyRotation).toBe(true);
    const groups = resourcesOfType(events, "AWS::Logs::LogGroup");
    expect(groups.length).toBe(1 + subscriptions.length);
    for (const group of groups)
      expect(group.Properties.KmsKeyId).toEqual({ "Fn::GetAtt": [key.logicalId, "Arn"] });
  });

  it("the key lets CloudWatch Logs use it only for this account's log groups here, and alarms only publish", () => {
    const statements = resourceNamed(events, "OperationsKey", "AWS::KMS::Key").Properties.KeyPolicy
      .Statement as {
      Principal: Record<string, unknown>;
      Action: string[];
      Condition?: unknown;
    }[];
    const byService = (service: string) =>
      statements.filter((statement) => JSON.stringify(statement.Principal).includes(service));
    const [logs] = byService("logs.eu-west-2.amazonaws.com");
    expect(logs?.Action.sort()).toEqual(
      ["kms:Decrypt*", "kms:Describe*", "kms:Encrypt*", "kms:GenerateDataKey*", "kms:ReEncrypt*"].sort(),
    );
    expect(JSON.stringify(logs?.Condition)).toContain("kms:EncryptionContext:aws:logs:arn");
    expect(JSON.stringify(logs?.Condition)).toContain(":log-group:*");
    const [alarms] = byService("cloudwatch.amazonaws.com");
    expect(alarms?.Action.sort()).toEqual(["kms:Decrypt", "kms:GenerateDataKey*"]);
    expect(JSON.stringify(alarms?.Condition)).toContain("aws:SourceAccount");
    expect(statements).toHaveLength(3);
  });
});

function ruleFor(name: string): Record<string, unknown> {
  const rules = resourcesOfType(events, "AWS::Events::Rule").filter(
    (rule) => rule.Properties.Name === `dev-linkwork-${name}`,
  );
  expect(rules).toHaveLength(1);
  return rules[0]?.Properties as Record<string, unknown>;
}

function alarmOn(queue: string) {
  return {
    Namespace: "AWS/SQS",
    MetricName: "ApproximateNumberOfMessagesVisible",
    Dimensions: [{ Name: "QueueName", Value: { "Fn::GetAtt": [queue, "QueueName"] } }],
    Statistic: "Maximum",
    ComparisonOperator: "GreaterThanThreshold",
    Threshold: 0,
    EvaluationPeriods: 1,
    TreatMissingData: "notBreaching",
  };
}
