import { Duration, type Stack } from "aws-cdk-lib";
import * as backup from "aws-cdk-lib/aws-backup";
import * as events from "aws-cdk-lib/aws-events";
import type { Table } from "sst/constructs";
import { exempt } from "./compliance";
import type { StageSettings } from "./stage";

/** Daily backups kept five weeks, monthly ones kept a year. */
export const backupRetention = { daily: Duration.days(35), monthly: Duration.days(365) } as const;

/**
 * AWS Backup copies of the table, beside its point-in-time recovery (35 days, to the second): a
 * backup survives a deleted table, a point-in-time restore does not outlive the table's own window.
 */
export function tableBackups(stack: Stack, settings: StageSettings, table: Table): backup.BackupPlan {
  const vault = new backup.BackupVault(stack, "BackupVault", {
    removalPolicy: settings.statefulRemovalPolicy,
  });
  const plan = new backup.BackupPlan(stack, "Backups", {
    backupVault: vault,
    backupPlanRules: [
      new backup.BackupPlanRule({
        ruleName: "Daily",
        scheduleExpression: events.Schedule.cron({ hour: "3", minute: "0" }),
        deleteAfter: backupRetention.daily,
      }),
      new backup.BackupPlanRule({
        ruleName: "Monthly",
        scheduleExpression: events.Schedule.cron({ day: "1", hour: "4", minute: "0" }),
        deleteAfter: backupRetention.monthly,
      }),
    ],
  });
  const selection = plan.addSelection("Table", {
    resources: [backup.BackupResource.fromDynamoDbTable(table.cdk.table)],
  });
  exempt(
    selection,
    [
      {
        rules: ["AwsSolutions-IAM4"],
        appliesTo: [
          "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
        ],
        reason: "AWS Backup's own service role policy, the documented way to let it take the backups",
      },
    ],
    true,
  );
  return plan;
}
