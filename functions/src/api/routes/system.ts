import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { ApiEnv } from "../env";
import { json } from "../schemas";

const health = createRoute({
  method: "get",
  path: "/health",
  tags: ["system"],
  security: [],
  responses: { 200: json(z.object({ status: z.literal("ok") }), "The API is up") },
});

export const systemRoutes = new OpenAPIHono<ApiEnv>().openapi(health, (c) =>
  c.json({ status: "ok" as const }, 200),
);
