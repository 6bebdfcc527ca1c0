import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const screenshotDirectory = fileURLToPath(new URL("../../artifacts/screenshots/", import.meta.url));

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is not installed at ${chromiumPath} (apt-get install -y chromium, as root)`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}

export interface AppPage {
  page: Page;
  /** Uncaught errors in the page; a working app has none. */
  pageErrors: Error[];
  close(): Promise<void>;
}

/**
 * A fresh browser context (its own sessionStorage, so its own sign-in) on the app. Requests to any
 * other origin (the NHS.UK web fonts) are refused unless allowed, so the tests never need the internet.
 */
export async function openApp(
  browser: Browser,
  baseUrl: string,
  options: { alsoAllow?: string[] } = {},
): Promise<AppPage> {
  const allowed = new Set([new URL(baseUrl).origin, ...(options.alsoAllow ?? [])]);
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  await context.route(
    (url) => !allowed.has(url.origin),
    (route) => route.abort(),
  );
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const pageErrors: Error[] = [];
  page.on("pageerror", (error) => pageErrors.push(error));
  return { page, pageErrors, close: () => context.close() };
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDirectory, { recursive: true });
  await page.screenshot({ path: join(screenshotDirectory, `${name}.png`), fullPage: true });
}
