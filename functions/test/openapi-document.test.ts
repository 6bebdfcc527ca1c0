import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "@linkwork/core/context";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/api/app";
import type { ApiEnv } from "../src/api/env";
import { apiBasePath, bearerScheme, documentHeader } from "../src/api/openapi-document";
import { apiRoutes } from "../src/api/routes";

/** The document as @hono/zod-openapi generates it when the same routes are mounted on OpenAPIHono. */
function referenceDocument() {
  const app = new OpenAPIHono<ApiEnv>().basePath(apiBasePath);
  for (const group of apiRoutes) {
    const routes = new OpenAPIHono<ApiEnv>();
    for (const { route, handler } of group.declared) routes.openapi(route, handler);
    app.route("/", routes);
  }
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", bearerScheme);
  return app.getOpenAPI31Document(documentHeader);
}

function servingApp() {
  const unused = () => Promise.reject(new Error("The document needs no token"));
  return createApp({ context: {} as Context, verifyToken: unused });
}

describe("the OpenAPI document", () => {
  it("served at /api/openapi.json is the one @hono/zod-openapi generates from the API's routes", async () => {
    const response = await servingApp().request("/api/openapi.json");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(referenceDocument())));
  });

  it("is generated once per container and then served as it was", async () => {
    const app = servingApp();
    const first = await (await app.request("/api/openapi.json")).text();
    const second = await (await app.request("/api/openapi.json")).text();
    expect(second).toBe(first);
    expect(Object.keys(JSON.parse(first).paths).length).toBeGreaterThan(10);
  });
});
