import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledFunctions, bundleFunction, type FunctionBundle, isAwsSdkPackage } from "../bundle";

/**
 * What each function's code may weigh, minified, the AWS SDK aside (SST bundles it as well).
 * Issue 6 asks for an API under 300 KB and a relay and subscribers under 100 KB. The relay and the
 * subscribers carry no ElectroDB and meet it. The API and the sweep work through ElectroDB, which
 * with the jsonschema it checks models with is about 230 KB on its own: they are held to their
 * size today with a little room, and the issue's figure is printed beside the API's (it sets none
 * for scheduled jobs). The API's own code grows with what it does (the MDT board took it from 515 to
 * 589 KB, casework and search to 681 KB); its budget moves only with a feature, never for a
 * library. The sweep runs the referral lifecycle, which grew with assignment and the case policy.
 */
const budgets: Record<string, { kilobytes: number; target?: number }> = {
  api: { kilobytes: 710, target: 300 },
  relay: { kilobytes: 100, target: 100 },
  "subscriber timeline": { kilobytes: 100, target: 100 },
  "sweep service-levels": { kilobytes: 420 },
  "subscriber live": { kilobytes: 100, target: 100 },
  "websocket $connect": { kilobytes: 100, target: 100 },
  "websocket $disconnect": { kilobytes: 100, target: 100 },
  "websocket $default": { kilobytes: 100, target: 100 },
};

const kilobytes = (bytes: number) => Math.round(bytes / 102.4) / 10;
const ownKilobytes = (bundle: FunctionBundle) => kilobytes(bundle.bytes - bundle.sdkBytes);

const bundles = new Map<string, FunctionBundle>();
let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "linkwork-bundles-"));
  for (const { name, handler } of bundledFunctions)
    bundles.set(name, await bundleFunction(handler, join(out, name)));
  const lines = [...bundles].map(([name, bundle]) => {
    const largest = bundle.byPackage
      .filter(([packageName]) => !isAwsSdkPackage(packageName))
      .slice(0, 5)
      .map(([packageName, bytes]) => `${packageName} ${kilobytes(bytes)}`)
      .join(", ");
    const budget = budgets[name];
    return `  ${name.padEnd(21)} ${String(ownKilobytes(bundle)).padStart(6)} KB (budget ${budget?.kilobytes}${budget?.target ? `, issue's target ${budget.target}` : ""}; ${kilobytes(bundle.bytes)} with the SDK): ${largest}`;
  });
  console.info(["Function bundles, minified KB without the AWS SDK:", ...lines].join("\n"));
}, 300_000);

afterAll(() => rm(out, { recursive: true, force: true }));

describe("every function bundle, as SST deploys it", () => {
  it("has a budget", () => {
    expect(Object.keys(budgets).sort()).toEqual(bundledFunctions.map(({ name }) => name).sort());
  });

  it.each(bundledFunctions)("$name stays within its budget, the AWS SDK aside", ({ name }) => {
    const bundle = bundles.get(name);
    const budget = budgets[name];
    expect(bundle, `${name} was not bundled`).toBeDefined();
    expect(budget, `${name} has no budget`).toBeDefined();
    if (bundle && budget) expect(ownKilobytes(bundle)).toBeLessThan(budget.kilobytes);
  });

  it("carries none of zod's translations and none of the OpenAPI generator outside the API", () => {
    for (const [name, bundle] of bundles) {
      expect(
        bundle.zodLocales.filter((locale) => locale !== "en"),
        name,
      ).toEqual([]);
      const packages = bundle.byPackage.map(([packageName]) => packageName);
      expect(packages, name).not.toContain("@hono/zod-openapi");
      expect(packages, name).not.toContain("yaml");
      if (name !== "api") expect(packages, name).not.toContain("@asteasolutions/zod-to-openapi");
    }
  });

  it("bundles one copy of each library", () => {
    for (const [name, bundle] of bundles) expect(bundle.duplicatePackages, name).toEqual([]);
  });

  it("keeps the relay to what it does: no database", () => {
    const packages = bundles.get("relay")?.byPackage.map(([name]) => name) ?? [];
    expect(packages).toEqual(expect.arrayContaining(["@aws-sdk/client-eventbridge", "zod"]));
    expect(packages).not.toContain("electrodb");
    expect(packages).not.toContain("@aws-sdk/client-dynamodb");
  });

  it("has the relay and the subscribers parse with zod/mini, never classic zod", () => {
    const eventReaders = bundledFunctions.filter(
      ({ name }) => name === "relay" || name.startsWith("subscriber "),
    );
    for (const { name } of eventReaders) {
      const modules = bundles.get(name)?.modules ?? [];
      expect(
        modules.some((module) => module.includes("/zod/v4/mini/")),
        name,
      ).toBe(true);
      expect(
        modules.filter((module) => module.includes("/zod/v4/classic/")),
        name,
      ).toEqual([]);
    }
  });

  it("keeps ElectroDB out of the subscribers: the timeline is written with one put of its own", () => {
    for (const { name } of bundledFunctions.filter(({ name }) => name.startsWith("subscriber "))) {
      const packages = bundles.get(name)?.byPackage.map(([packageName]) => packageName) ?? [];
      expect(packages, name).not.toContain("electrodb");
      expect(
        bundles.get(name)?.modules.filter((module) => module.endsWith("/entity.ts")),
        name,
      ).toEqual([]);
    }
  });

  it("serves /api/openapi.json from the one module the API deploys, its generator bundled in", async () => {
    const api = bundles.get("api");
    if (!api) throw new Error("The API was not bundled");
    const modules = (await readdir(dirname(api.file))).filter((file) => /\.[mc]?js$/.test(file));
    expect(modules).toEqual(["index.mjs"]);
    const request = {
      version: "2.0",
      routeKey: "$default",
      rawPath: "/api/openapi.json",
      rawQueryString: "",
      headers: { host: "api.linkwork.test" },
      requestContext: { http: { method: "GET", path: "/api/openapi.json", sourceIp: "127.0.0.1" } },
    };
    const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(api.file).href)});
      const response = await handler(${JSON.stringify(request)}, {});
      process.stdout.write(JSON.stringify(response), () => process.exit(0));`;
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
      env: {
        PATH: process.env.PATH,
        AWS_REGION: "eu-west-2",
        TABLE_NAME: "linkwork-bundle-test",
        JWT_ISSUER: "https://issuer.linkwork.test",
        JWT_AUDIENCE: "linkwork",
        JWKS_URL: "https://issuer.linkwork.test/.well-known/jwks.json",
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      },
      timeout: 60_000,
    });
    const response = JSON.parse(stdout);
    expect(response.statusCode).toBe(200);
    const document = JSON.parse(response.body);
    expect(document.openapi).toBe("3.1.0");
    expect(document.paths["/api/referrals/{id}"]).toBeDefined();
  });
});
