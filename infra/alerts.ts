import { CfnOutput, Stack } from "aws-cdk-lib";
import * as sns from "aws-cdk-lib/aws-sns";
import type { Construct } from "constructs";
import { operationsKey } from "./operations-key";
import type { StageSettings } from "./stage";

const topicId = "Alerts";

/**
 * Where a stack's alarms go: one topic per stack, encrypted and HTTPS-only, which operators
 * subscribe to (email, chat, paging) after the first deploy. Its ARN is a stack output.
 */
export function alertsTopic(scope: Construct, settings: StageSettings): sns.Topic {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(topicId);
  if (existing instanceof sns.Topic) return existing;
  const topic = new sns.Topic(stack, topicId, {
    displayName: `Linkwork ${settings.stage} alerts`,
    masterKey: operationsKey(stack, settings),
    enforceSSL: true,
  });
  new CfnOutput(stack, "AlertsTopicArn", { value: topic.topicArn, description: "Subscribe operators here" });
  return topic;
}
