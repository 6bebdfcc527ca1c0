import { OpenAPIHono } from "@hono/zod-openapi";
import { withActor } from "@linkwork/core/actor";
import type { Context } from "@linkwork/core/context";
import { isPublicRoute } from "@linkwork/core/http/public-routes";
import { NotFound, Unauthenticated, ValidationFailed } from "@linkwork/core/util/errors";
import { issuesToDetails } from "@linkwork/core/util/validation";
import { createMiddleware } from "hono/factory";
import type { TokenVerifier } from "./auth";
import type { ApiEnv } from "./env";
import { handleError } from "./errors";
import { linkWorkerRoutes } from "./routes/link-workers";
import { meRoutes } from "./routes/me";
import { organisationRoutes } from "./routes/organisations";
import { referralActionRoutes } from "./routes/referral-actions";
import { referralRoutes } from "./routes/referrals";
import { selfReferralRoutes } from "./routes/self-referrals";
import { settingsRoutes } from "./routes/settings";
import { systemRoutes } from "./routes/system";

export interface AppDependencies {
  context: Context;
  verifyToken: TokenVerifier;
}

export function createApp({ context, verifyToken }: AppDependencies) {
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success) throw ValidationFailed(issuesToDetails(result.error.issues));
    },
  }).basePath("/api");

  app.use(async (c, next) => {
    c.set("context", context);
    await next();
  });

  app.use(
    createMiddleware<ApiEnv>(async (c, next) => {
      if (isPublicRoute(c.req.method, c.req.path)) return next();
      const header = c.req.header("authorization") ?? "";
      const [scheme, token] = header.split(" ");
      if (scheme?.toLowerCase() !== "bearer" || !token) throw Unauthenticated();
      const user = await verifyToken(token);
      c.set("user", user);
      await withActor(user, next);
    }),
  );

  app.route("/", systemRoutes);
  app.route("/", meRoutes);
  app.route("/", organisationRoutes);
  app.route("/", referralRoutes);
  app.route("/", referralActionRoutes);
  app.route("/", linkWorkerRoutes);
  app.route("/", selfReferralRoutes);
  app.route("/", settingsRoutes);

  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Linkwork API",
      version: "1.0.0",
      description: "Multi-agency triage, allocation and MDT coordination for social prescribing.",
    },
    security: [{ bearer: [] }],
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
  });

  app.notFound(() => {
    throw NotFound("That route");
  });
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;
