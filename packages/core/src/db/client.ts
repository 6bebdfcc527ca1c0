import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";

const DatabaseEnvironment = z.object({
  TABLE_NAME: z.string().min(1),
  /** Set only locally, to reach DynamoDB Local. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().default("eu-west-2"),
});

export interface DatabaseConnection {
  tableName: string;
  client: DynamoDBDocumentClient;
}

export function connect(options: {
  tableName: string;
  endpoint?: string;
  region?: string;
}): DatabaseConnection {
  const raw = new DynamoDBClient({
    region: options.region ?? "eu-west-2",
    ...(options.endpoint
      ? {
          endpoint: options.endpoint,
          // DynamoDB Local accepts any credentials; these never leave the machine.
          credentials: { accessKeyId: "local", secretAccessKey: "local" },
        }
      : {}),
  });
  const client = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { tableName: options.tableName, client };
}

export function connectFromEnvironment(environment: NodeJS.ProcessEnv = process.env): DatabaseConnection {
  const parsed = DatabaseEnvironment.parse(environment);
  return connect({
    tableName: parsed.TABLE_NAME,
    region: parsed.AWS_REGION,
    ...(parsed.DYNAMODB_ENDPOINT ? { endpoint: parsed.DYNAMODB_ENDPOINT } : {}),
  });
}
