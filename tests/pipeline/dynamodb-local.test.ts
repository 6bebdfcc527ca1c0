import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDynamoDbLocal } from "@linkwork/local/dynamodb";
import { describe, expect, it } from "vitest";
import { processesMentioning } from "../local/cli-process";

describe("DynamoDB Local", () => {
  it("refuses a data folder another DynamoDB Local is using, and stops leaving no process", async () => {
    const dataDirectory = mkdtempSync(join(tmpdir(), "linkwork-dynamodb-"));
    const first = await startDynamoDbLocal({ dataDirectory });
    try {
      expect(processesMentioning(`-dbPath ${dataDirectory}`)).toEqual([first.pid]);
      await expect(startDynamoDbLocal({ dataDirectory })).rejects.toMatchObject({
        code: "dynamodb_failed",
        message: expect.stringContaining(`process ${first.pid}`),
      });
    } finally {
      await first.stop();
    }
    expect(processesMentioning(`-dbPath ${dataDirectory}`)).toEqual([]);
  }, 120_000);
});
