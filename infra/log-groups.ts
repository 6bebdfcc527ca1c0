import { Stack } from "aws-cdk-lib";
import * as logs from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import { operationsKey } from "./operations-key";
import type { StageSettings } from "./stage";

/**
 * A log group encrypted with its stack's operations key: a function's logs can hold what it was
 * handling when it failed, so they are kept like the data. Retained with the stage's data.
 */
export function encryptedLogGroup(
  scope: Construct,
  id: string,
  settings: StageSettings,
  retention: logs.RetentionDays = logs.RetentionDays.THREE_MONTHS,
): logs.LogGroup {
  return new logs.LogGroup(scope, id, {
    retention,
    removalPolicy: settings.statefulRemovalPolicy,
    encryptionKey: operationsKey(Stack.of(scope), settings),
  });
}
