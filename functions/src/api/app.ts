import { withActor } from "@linkwork/core/actor";
import type { Context } from "@linkwork/core/context";
import { isPublicRoute } from "@linkwork/core/http/public-routes";
import { NotFound, ValidationFailed } from "@linkwork/core/util/errors";
import { issuesToDetails } from "@linkwork/core/util/validation";
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { bearerToken, type TokenVerifier } from "./auth";
import type { ApiEnv } from "./env";
import { handleError } from "./errors";
import { mountRoutes } from "./mount-routes";
import { auditRefusals } from "./refusal-audit";
import { apiRoutes } from "./routes";

export interface AppDependencies {
  context: Context;
  verifyToken: TokenVerifier;
}

export function createApp({ context, verifyToken }: AppDependencies) {
  const app = new Hono<ApiEnv>().basePath("/api");

  app.use(async (c, next) => {
    c.set("context", context);
    await next();
  });

  app.use(
    createMiddleware<ApiEnv>(async (c, next) => {
      if (isPublicRoute(c.req.method, c.req.path)) return next();
      const user = await verifyToken(bearerToken(c.req.header("authorization")));
      c.set("user", user);
      await withActor(user, next);
    }),
  );

  app.use(auditRefusals);
  mountRoutes(app, apiRoutes, (result) => {
    if (!result.success) throw ValidationFailed(issuesToDetails(result.error.issues));
  });
  app.get("/openapi.json", async (c) => c.json(await openApiDocument()));

  app.notFound(() => {
    throw NotFound("That route");
  });
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;

let document: ReturnType<typeof generateOpenApiDocument> | undefined;

/**
 * Generated on first request, not at start: the generator is bundled in the same file but only
 * evaluated here, so no cold start pays for it.
 */
function generateOpenApiDocument() {
  return import("./openapi-document").then((module) => module.openApiDocument(apiRoutes));
}

function openApiDocument() {
  document ??= generateOpenApiDocument();
  return document;
}
