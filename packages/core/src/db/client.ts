import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
// zod/mini: every function parses this at start, and most need nothing else of zod.
import * as z from "zod/mini";
import { type AwsRequestLimits, awsClientLimits } from "../util/aws-request-limits";

const DatabaseEnvironment = z.object({
  TABLE_NAME: z.string().check(z.minLength(1)),
  /** Set only locally, to reach DynamoDB Local. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  AWS_REGION: z._default(z.string(), "eu-west-2"),
});

export interface DatabaseConnection {
  tableName: string;
  client: DynamoDBDocumentClient;
}

export function connect(options: {
  tableName: string;
  endpoint?: string;
  region?: string;
  /** The limits every call keeps to; `awsRequestLimits` unless a test needs them shorter. */
  limits?: AwsRequestLimits;
}): DatabaseConnection {
  const raw = new DynamoDBClient({
    region: options.region ?? "eu-west-2",
    ...awsClientLimits(options.limits),
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
