import { CfnOutput, Duration } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import * as sqs from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import { alertsTopic } from "./alerts";
import { exempt } from "./compliance";
import type { StageSettings } from "./stage";

export interface DeadLetters {
  queue: sqs.Queue;
  alarm: cloudwatch.Alarm;
}

/**
 * A queue for work that failed every retry, and an alarm as soon as anything lands in it, sent to
 * the stack's alerts topic: a message here is an event someone has not seen, so it needs a person
 * to look (and `pnpm events:redrive` to send it again once the cause is fixed).
 */
export function deadLetters(
  scope: Construct,
  id: string,
  settings: StageSettings,
  description: string,
): DeadLetters {
  const queue = new sqs.Queue(scope, id, {
    retentionPeriod: Duration.days(14),
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    removalPolicy: settings.statefulRemovalPolicy,
  });
  const alarm = new cloudwatch.Alarm(scope, `${id}Alarm`, {
    alarmDescription: `${description} (${settings.stage}): messages are waiting in the dead letter queue`,
    metric: queue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(1),
      statistic: cloudwatch.Stats.MAXIMUM,
    }),
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    threshold: 0,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  alarm.addAlarmAction(new SnsAction(alertsTopic(scope, settings)));
  // What `pnpm events:redrive -- --queue` is given.
  new CfnOutput(scope, `${id}QueueUrl`, {
    value: queue.queueUrl,
    description: `${description}: redrive with pnpm events:redrive`,
  }).overrideLogicalId(`${id.replace(/[^A-Za-z0-9]/g, "")}QueueUrl`);
  exempt(queue, [
    {
      rules: ["AwsSolutions-SQS3"],
      reason: `This queue is itself a dead letter queue (${description}): nothing is consumed from it but by an operator's redrive`,
    },
  ]);
  return { queue, alarm };
}
