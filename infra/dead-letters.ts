import { Duration } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as sqs from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import type { StageSettings } from "./stage";

export interface DeadLetters {
  queue: sqs.Queue;
  alarm: cloudwatch.Alarm;
}

/**
 * A queue for work that failed every retry, and an alarm as soon as anything lands in it:
 * a message here is an event someone has not seen, so it needs a person to look.
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
  return { queue, alarm };
}
