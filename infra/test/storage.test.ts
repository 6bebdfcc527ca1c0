import { keyAttributes, tableDefinition } from "@linkwork/core/db/table";
import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { Storage } from "../storage";
import { synthesise } from "./support/synthesise";

const productionOrigin = { LINKWORK_WEB_ORIGIN: "https://linkwork.example.nhs.uk" };

let production: Template;
let development: Template;

beforeAll(async () => {
  const prod = await synthesise({ stage: "prod", stacks: [Storage], environment: productionOrigin });
  production = prod.template(Storage);
  prod.dispose();
  const alice = await synthesise({ stage: "alice", stacks: [Storage] });
  development = alice.template(Storage);
  alice.dispose();
});

function tableProperties(template: Template): Record<string, unknown> {
  const tables = Object.values(template.findResources("AWS::DynamoDB::Table"));
  expect(tables).toHaveLength(1);
  return tables[0]?.Properties as Record<string, unknown>;
}

describe("the table", () => {
  it("is the one table core describes: string keys, pk/sk, and each generic index projecting everything", () => {
    const properties = tableProperties(development);
    expect(properties.KeySchema).toEqual([
      { AttributeName: "pk", KeyType: "HASH" },
      { AttributeName: "sk", KeyType: "RANGE" },
    ]);
    const indexes = Object.entries(tableDefinition.globalIndexes).map(([name, index]) => ({
      IndexName: name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: "HASH" },
        { AttributeName: index.sortKey, KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: "ALL" },
    }));
    expect(indexes.length).toBeGreaterThanOrEqual(5);
    expect(properties.GlobalSecondaryIndexes).toEqual(indexes);
    const attributes = properties.AttributeDefinitions as { AttributeName: string; AttributeType: string }[];
    expect(attributes.map((attribute) => attribute.AttributeName).sort()).toEqual(keyAttributes().sort());
    for (const attribute of attributes) expect(attribute.AttributeType).toBe("S");
  });

  it("bills on demand, streams old and new images, recovers to a point in time and expires items on expiresAt", () => {
    development.hasResourceProperties("AWS::DynamoDB::Table", {
      BillingMode: "PAY_PER_REQUEST",
      StreamSpecification: { StreamViewType: "NEW_AND_OLD_IMAGES" },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true },
    });
  });
});

describe("backups", () => {
  it("AWS Backup copies the table daily (kept five weeks) and monthly (kept a year), beside point-in-time recovery", () => {
    const plans = Object.values(production.findResources("AWS::Backup::BackupPlan"));
    expect(plans).toHaveLength(1);
    const rules = (plans[0]?.Properties.BackupPlan.BackupPlanRule ?? []) as Record<string, unknown>[];
    expect(rules.map((rule) => [rule.RuleName, rule.ScheduleExpression, rule.Lifecycle])).toEqual([
      ["Daily", "cron(0 3 * * ? *)", { DeleteAfterDays: 35 }],
      ["Monthly", "cron(0 4 1 * ? *)", { DeleteAfterDays: 365 }],
    ]);
    const [tableId] = Object.keys(production.findResources("AWS::DynamoDB::Table"));
    production.hasResourceProperties("AWS::Backup::BackupSelection", {
      BackupSelection: Match.objectLike({ Resources: [{ "Fn::GetAtt": [tableId, "Arn"] }] }),
    });
  });

  it("the backup role holds only AWS Backup's own policy for taking backups", () => {
    const roles = Object.values(production.findResources("AWS::IAM::Role")).filter((role) =>
      JSON.stringify(role.Properties.AssumeRolePolicyDocument).includes("backup.amazonaws.com"),
    );
    expect(roles).toHaveLength(1);
    expect(JSON.stringify(roles[0]?.Properties.ManagedPolicyArns)).toContain(
      ":iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
    );
    expect(roles[0]?.Properties.ManagedPolicyArns).toHaveLength(1);
    expect(roles[0]?.Properties.Policies).toBeUndefined();
  });

  it("in production the vault outlives its stack", () => {
    production.hasResource("AWS::Backup::BackupVault", { DeletionPolicy: "Retain" });
    development.hasResource("AWS::Backup::BackupVault", { DeletionPolicy: "Delete" });
  });
});

describe("the stage decides what happens to the data", () => {
  it("in production the table refuses deletion and outlives its stack", () => {
    production.hasResource("AWS::DynamoDB::Table", {
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
    });
  });

  it("in a personal stage the table goes with the stage", () => {
    development.hasResource("AWS::DynamoDB::Table", {
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
      DeletionPolicy: "Delete",
      UpdateReplacePolicy: "Delete",
    });
  });
});
