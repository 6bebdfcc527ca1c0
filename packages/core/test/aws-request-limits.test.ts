import { describe, expect, it } from "vitest";
import { connect } from "../src/db/client";
import { eventBridgeClient } from "../src/event/bus";
import { awsRequestLimits } from "../src/util/aws-request-limits";

interface ResolvedClientConfig {
  maxAttempts: () => Promise<number>;
  requestHandler: unknown;
}

/** What the client's HTTP handler was built with; the SDK keeps it private until the first request. */
async function handlerSettings(config: ResolvedClientConfig) {
  const handler = config.requestHandler as { configProvider: Promise<Record<string, unknown>> };
  const { connectionTimeout, requestTimeout, throwOnRequestTimeout } = await handler.configProvider;
  return {
    connectionTimeout,
    requestTimeout,
    throwOnRequestTimeout,
    maxAttempts: await config.maxAttempts(),
  };
}

const expected = {
  connectionTimeout: awsRequestLimits.connectionTimeoutMs,
  requestTimeout: awsRequestLimits.requestTimeoutMs,
  throwOnRequestTimeout: true,
  maxAttempts: awsRequestLimits.maxAttempts,
};

describe("AWS request limits", () => {
  it("give up every attempt, back-off included, before the shortest function timeout of ten seconds", () => {
    const worstCaseMs = awsRequestLimits.maxAttempts * awsRequestLimits.requestTimeoutMs;
    // The SDK's back-off before the second and third attempts is at most 0.1 s and 0.2 s.
    expect(worstCaseMs + 300).toBeLessThan(10_000);
    expect(awsRequestLimits.connectionTimeoutMs).toBeLessThan(awsRequestLimits.requestTimeoutMs);
  });

  it("are carried by the DynamoDB client, in AWS and locally", async () => {
    for (const options of [{}, { endpoint: "http://127.0.0.1:8000" }]) {
      const { client } = connect({ tableName: "linkwork", ...options });
      expect(await handlerSettings(client.config as unknown as ResolvedClientConfig)).toEqual(expected);
      client.destroy();
    }
  });

  it("are carried by the EventBridge client the relay publishes with", async () => {
    for (const options of [{}, { endpoint: "http://127.0.0.1:3000/eventbridge" }]) {
      const client = eventBridgeClient(options);
      expect(await handlerSettings(client.config as unknown as ResolvedClientConfig)).toEqual(expected);
      client.destroy();
    }
  });
});
