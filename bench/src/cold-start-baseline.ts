import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";

/**
 * The floor the cold-start benchmark measures Linkwork's functions against: the AWS SDK's
 * DynamoDB client and one GetItem, nothing else, bundled the way SST bundles the real ones.
 */
export async function handler(): Promise<{ found: boolean }> {
  const client = new DynamoDBClient({
    region: process.env.AWS_REGION ?? "eu-west-2",
    endpoint: process.env.DYNAMODB_ENDPOINT,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const result = await client.send(
    new GetItemCommand({
      TableName: process.env.TABLE_NAME,
      Key: { pk: { S: "cold-start" }, sk: { S: "baseline" } },
    }),
  );
  return { found: result.Item !== undefined };
}
