import { type LocalRuntime, startLocalRuntime } from "@linkwork/local/runtime";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser";
import { ensureWebAppBuilt } from "./web-build";

/**
 * The built web app on a local runtime of its own (in-memory, demo world seeded) and one Chromium,
 * started before a test file's tests and stopped after them.
 */
export function appUnderTest() {
  let runtime: LocalRuntime | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ensureWebAppBuilt();
    runtime = await startLocalRuntime({ port: 0, seed: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await runtime?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error("The app under test has not started");
    return value;
  };
  return {
    get runtime() {
      return started(runtime);
    },
    get browser() {
      return started(browser);
    },
  };
}
