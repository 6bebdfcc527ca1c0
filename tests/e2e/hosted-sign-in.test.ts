import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalRuntime, startLocalRuntime } from "@linkwork/local/runtime";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoSeriousViolations } from "./support/accessibility";
import { launchBrowser, openApp, saveScreenshot } from "./support/browser";
import { type FakeHostedSignIn, startFakeHostedSignIn, testClientId } from "./support/fake-hosted-sign-in";
import { buildWebAppInto } from "./support/web-build";

let hostedSignIn: FakeHostedSignIn;
let runtime: LocalRuntime;
let browser: Browser;
let webRoot: string;

beforeAll(async () => {
  hostedSignIn = await startFakeHostedSignIn("gp@linkwork.test");
  webRoot = mkdtempSync(join(tmpdir(), "linkwork-web-cognito-"));
  buildWebAppInto(webRoot, {
    VITE_AUTH_MODE: "cognito",
    VITE_COGNITO_DOMAIN: hostedSignIn.origin,
    VITE_COGNITO_CLIENT_ID: testClientId,
  });
  runtime = await startLocalRuntime({ port: 0, seed: true, webRoot });
  hostedSignIn.setAppUrl(runtime.url);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
  await hostedSignIn?.stop();
  if (webRoot) rmSync(webRoot, { recursive: true, force: true });
});

describe("hosted sign-in (cognito mode)", () => {
  it("signs in through the hosted page with the code flow and PKCE, and signs out there too", async () => {
    const { page, pageErrors, close } = await openApp(browser, runtime.url, {
      alsoAllow: [hostedSignIn.origin],
    });
    await page.goto("/referrals/new");
    await page.waitForURL("**/sign-in?returnTo=*");
    await page.getByRole("heading", { name: "Sign in", level: 1 }).waitFor();
    expect(await page.getByLabel("gp@linkwork.test").count()).toBe(0);
    await saveScreenshot(page, "09-hosted-sign-in");
    await expectNoSeriousViolations(page, "hosted-sign-in");

    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Refer someone for social prescribing" }).waitFor();
    await page.getByTestId("signed-in-user").filter({ hasText: "Dr Priya Shah" }).waitFor();
    expect(hostedSignIn.tokenRequests).toEqual([{ verifierMatched: true }]);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in");
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem("linkwork.token"))).toBeNull();
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("refuses a callback it did not start, and says so", async () => {
    const { page, close } = await openApp(browser, runtime.url, { alsoAllow: [hostedSignIn.origin] });
    await page.goto("/sign-in/callback?code=forged&state=forged");
    await page.getByRole("heading", { name: "You have not been signed in" }).waitFor();
    await page.getByRole("link", { name: "Sign in again" }).waitFor();
    await close();
  });
});
