import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { webApp } from "@linkwork/local/web-app";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";

function site(webRoot: string) {
  const app = new Hono().use("*", webApp(webRoot));
  app.notFound((c) => c.text("Not found", 404));
  return (path: string, init: RequestInit = {}) => app.request(path, init);
}

function builtApp() {
  const webRoot = mkdtempSync(join(tmpdir(), "linkwork-web-"));
  mkdirSync(join(webRoot, "assets"));
  writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>Linkwork</title>");
  writeFileSync(join(webRoot, "assets", "index-4f2a.js"), "export {}");
  writeFileSync(join(webRoot, "favicon.svg"), "<svg/>");
  return webRoot;
}

describe("serving the built web app", () => {
  it("serves files as they are, hashed assets cached for good and index.html never", async () => {
    const get = site(builtApp());
    const script = await get("/assets/index-4f2a.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("cache-control")).toContain("immutable");
    const icon = await get("/favicon.svg");
    expect(icon.headers.get("content-type")).toContain("image/svg+xml");
    const home = await get("/");
    expect(await home.text()).toContain("<title>Linkwork</title>");
    expect(home.headers.get("cache-control")).toBe("no-cache");
  });

  it("answers the app's own pages with index.html so the client-side router can take them", async () => {
    const get = site(builtApp());
    for (const path of ["/referrals", "/referrals/ref_01/timeline", "/queue?status=received"]) {
      const page = await get(path);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<title>Linkwork</title>");
    }
  });

  it("gives a missing file a 404 rather than the app", async () => {
    const get = site(builtApp());
    expect((await get("/assets/gone-1234.js")).status).toBe(404);
    expect((await get("/robots.txt")).status).toBe(404);
    expect((await get("/../../etc/passwd")).status).not.toBe(500);
  });

  it("leaves other methods to the routes behind it", async () => {
    const get = site(builtApp());
    expect((await get("/referrals", { method: "POST" })).status).toBe(404);
  });

  it("says how to build the app when it has not been built", async () => {
    const get = site(join(tmpdir(), "linkwork-web-never-built"));
    const page = await get("/");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("pnpm --filter @linkwork/web build");
  });
});
