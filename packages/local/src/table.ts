import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndexDescription,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";
import { keyAttributes, tableDefinition } from "@linkwork/core/db/table";

const attributeDefinitions: AttributeDefinition[] = keyAttributes().map((name) => ({
  AttributeName: name,
  AttributeType: "S",
}));

const globalIndexes = Object.entries(tableDefinition.globalIndexes).map(([name, index]) => ({
  IndexName: name,
  KeySchema: [
    { AttributeName: index.partitionKey, KeyType: "HASH" as const },
    { AttributeName: index.sortKey, KeyType: "RANGE" as const },
  ],
  Projection: { ProjectionType: "ALL" as const },
}));

/**
 * Creates the table as infra deploys it (keys, indexes, stream, TTL), or adds the indexes an
 * existing local table is missing, so data kept under .data/ survives a schema addition.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const existing = await describe(client, tableName);
  if (!existing) {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: attributeDefinitions,
        KeySchema: [
          { AttributeName: tableDefinition.partitionKey, KeyType: "HASH" },
          { AttributeName: tableDefinition.sortKey, KeyType: "RANGE" },
        ],
        GlobalSecondaryIndexes: globalIndexes,
        StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
      }),
    );
    await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      }),
    );
    return;
  }
  const present = new Set(
    (existing.GlobalSecondaryIndexes ?? []).map((index: GlobalSecondaryIndexDescription) => index.IndexName),
  );
  for (const index of globalIndexes.filter((candidate) => !present.has(candidate.IndexName))) {
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: attributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
  }
}

async function describe(client: DynamoDBClient, tableName: string) {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}
