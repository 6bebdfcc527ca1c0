import * as z from "zod";
import type { ApiEnv } from "../env";
import { createRoute, OpenApiRoutes } from "../openapi-routes";
import { json } from "../schemas";

const health = createRoute({
  method: "get",
  path: "/health",
  tags: ["system"],
  security: [],
  responses: { 200: json(z.object({ status: z.literal("ok") }), "The API is up") },
});

export const systemRoutes = new OpenApiRoutes<ApiEnv>().openapi(health, (c) =>
  c.json({ status: "ok" as const }, 200),
);
