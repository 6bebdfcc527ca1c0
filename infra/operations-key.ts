import type { Stack } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as kms from "aws-cdk-lib/aws-kms";
import type { StageSettings } from "./stage";

const keyId = "OperationsKey";

/**
 * One customer-managed key per stack for what operators read: its log groups and its alerts topic.
 * Rotated yearly; CloudWatch Logs may use it only for this account's log groups in this region, and
 * CloudWatch alarms only to publish to the topic. It outlives the stack when the logs do.
 */
export function operationsKey(stack: Stack, settings: StageSettings): kms.Key {
  const existing = stack.node.tryFindChild(keyId);
  if (existing instanceof kms.Key) return existing;
  const key = new kms.Key(stack, keyId, {
    description: `Linkwork ${settings.stage}: encrypts the ${stack.stackName} logs and alerts`,
    enableKeyRotation: true,
    removalPolicy: settings.statefulRemovalPolicy,
  });
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
      resources: ["*"],
      conditions: {
        ArnLike: {
          "kms:EncryptionContext:aws:logs:arn": `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:*`,
        },
      },
    }),
  );
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal("cloudwatch.amazonaws.com")],
      actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
      resources: ["*"],
      conditions: { StringEquals: { "aws:SourceAccount": stack.account } },
    }),
  );
  return key;
}
