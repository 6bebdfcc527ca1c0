import { randomUUID } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { Context } from "@linkwork/core/context";
import { connect } from "@linkwork/core/db/client";
import { createDatabase } from "@linkwork/core/db/database";
import { fixedClock } from "@linkwork/core/util/clock";
import { ensureTable } from "@linkwork/local/table";
import { inject } from "vitest";

export function testEndpoint(): string {
  return inject("dynamodbEndpoint");
}

/** A fresh table in the run's DynamoDB Local, created exactly as the local runtime creates it. */
export async function createTestContext(start = "2026-11-23T09:00:00.000Z") {
  const endpoint = testEndpoint();
  const tableName = `linkwork-test-${randomUUID()}`;
  const raw = new DynamoDBClient({
    endpoint,
    region: "eu-west-2",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  await ensureTable(raw, tableName);
  raw.destroy();
  const clock = fixedClock(start);
  const db = createDatabase(connect({ tableName, endpoint }));
  const context: Context = { db, clock };
  return { context, clock, db, tableName, endpoint };
}
