import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eventTypes } from "@linkwork/core/event/catalogue";
import { handlerPaths, schedules, subscriptions, webSocketHandlers } from "@linkwork/functions/manifest";
import { loadHandler, repositoryRoot } from "@linkwork/local/handlers";
import { beforeAll, describe, expect, it } from "vitest";

type AnyHandler = (...args: never[]) => unknown;

const everyHandler = [
  ...Object.values(handlerPaths),
  ...Object.values(webSocketHandlers),
  ...subscriptions.map((subscription) => subscription.handler),
  ...schedules.map((schedule) => schedule.handler),
];

beforeAll(() => {
  // Handlers read their settings when imported; none is used here, so any well-formed value will do.
  for (const [name, value] of Object.entries({
    TABLE_NAME: "linkwork-manifest-test",
    AWS_REGION: "eu-west-2",
    EVENT_BUS_NAME: "linkwork-manifest-test",
    JWT_ISSUER: "https://issuer.linkwork.test",
    JWT_AUDIENCE: "linkwork",
    JWKS_URL: "https://issuer.linkwork.test/.well-known/jwks.json",
  })) {
    process.env[name] ??= value;
  }
});

describe("the manifest", () => {
  it.each([...new Set(everyHandler)])("names %s, an exported function", async (handler) => {
    expect(typeof (await loadHandler<AnyHandler>(handler))).toBe("function");
  });

  it("runs every subscription and schedule with a handler it lists among the handler paths", () => {
    const listed: readonly string[] = Object.values(handlerPaths);
    for (const { name, handler } of [...subscriptions, ...schedules]) expect(listed, name).toContain(handler);
  });

  it("gives every subscription and schedule a name of its own, since infra names resources by it", () => {
    const names = [...subscriptions, ...schedules].map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it("routes to each subscriber exactly the event types it was written for, each in the catalogue", async () => {
    for (const subscription of subscriptions) {
      expect(subscription.eventTypes.length, subscription.name).toBeGreaterThan(0);
      for (const type of subscription.eventTypes) expect(eventTypes, subscription.name).toContain(type);
      const handler = await loadHandler<AnyHandler>(subscription.handler);
      const handles = "eventTypes" in handler ? handler.eventTypes : undefined;
      expect(handles, `${subscription.name} is written with eventSubscriber`).toBeInstanceOf(Array);
      expect([...(handles as string[])].sort(), subscription.name).toEqual(
        [...subscription.eventTypes].sort(),
      );
    }
  });

  it("runs schedules no more often than every minute", () => {
    for (const schedule of schedules) {
      expect(Number.isInteger(schedule.everyMinutes), schedule.name).toBe(true);
      expect(schedule.everyMinutes, schedule.name).toBeGreaterThanOrEqual(1);
    }
  });

  it("imports only the event catalogue and pure domain rules, since infra reads it", () => {
    const source = readFileSync(join(repositoryRoot, "functions/src/manifest.ts"), "utf8");
    const imported = [...source.matchAll(/^import\s[^;]*?from\s+"([^"]+)"/gms)].map((match) => match[1]);
    expect(imported).toContain("@linkwork/core/event/catalogue");
    for (const module of imported) {
      expect(module).toMatch(/^@linkwork\/core\/(event\/catalogue|[a-z-]+\/domain\/[a-z-]+)$/);
    }
  });
});
