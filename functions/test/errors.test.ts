import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { handleError } from "../src/api/errors";

function failingWith(error: Error) {
  const app = new Hono();
  app.get("/", () => {
    throw error;
  });
  app.onError(handleError);
  return app.request("/");
}

const named = (name: string) => Object.assign(new Error(`${name} happened`), { name });

describe("the API's answer to a failure on our side", () => {
  it("is 503 with Retry-After when the database timed out or was throttled, wrapped or not", async () => {
    // As ElectroDB reports a failed call: its own error, with the SDK's as the cause.
    const wrapped = new Error("Error thrown by DynamoDB client", { cause: named("TimeoutError") });
    for (const error of [named("TimeoutError"), named("ProvisionedThroughputExceededException"), wrapped]) {
      const response = await failingWith(error);
      expect(response.status, error.name).toBe(503);
      expect(response.headers.get("retry-after")).toBe("2");
      expect(await response.json()).toEqual({
        error: { code: "service_unavailable", message: "The service is busy; try again in a moment" },
      });
    }
  });

  it("is 500 for anything else, without its details", async () => {
    const response = await failingWith(new TypeError("secret internals"));
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("secret");
  });
});
