import { startDynamoDbLocal } from "@linkwork/local/dynamodb";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

/** One DynamoDB Local for the whole run; every test file makes its own table in it. */
export default async function setup(project: TestProject) {
  const dynamodb = await startDynamoDbLocal();
  project.provide("dynamodbEndpoint", dynamodb.endpoint);
  return () => dynamodb.stop();
}
