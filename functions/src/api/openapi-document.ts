import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import type { Env } from "hono";
import type { OpenApiRoutes } from "./openapi-routes";

export const apiBasePath = "/api";

export const documentHeader = {
  openapi: "3.1.0",
  info: {
    title: "Linkwork API",
    version: "1.0.0",
    description: "Multi-agency triage, allocation and MDT coordination for social prescribing.",
  },
  security: [{ bearer: [] }],
};

export const bearerScheme = { type: "http", scheme: "bearer", bearerFormat: "JWT" } as const;

/**
 * The OpenAPI 3.1 document of the declared routes, as @hono/zod-openapi's `doc31` generates it.
 * The API loads this module only when the document is asked for, so its generator costs no
 * cold start (functions/test/openapi-document.test.ts holds it to @hono/zod-openapi's output).
 */
export function openApiDocument<E extends Env>(groups: OpenApiRoutes<E>[]) {
  const registry = new OpenAPIRegistry();
  for (const group of groups) {
    for (const { route } of group.declared) {
      const { middleware: _middleware, hide, ...documented } = route;
      if (!hide) registry.registerPath({ ...documented, path: `${apiBasePath}${route.path}` });
    }
  }
  registry.registerComponent("securitySchemes", "bearer", bearerScheme);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument(documentHeader);
}
