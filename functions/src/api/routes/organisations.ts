import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { listOrganisations } from "@linkwork/core/organisation/list";
import { OrganisationSummary } from "@linkwork/core/organisation/schema";
import { z } from "zod";
import type { ApiEnv } from "../env";
import { errorResponses, json } from "../schemas";

const list = createRoute({
  method: "get",
  path: "/organisations",
  tags: ["organisations"],
  responses: {
    200: json(z.object({ items: z.array(OrganisationSummary) }), "Every organisation, with free capacity"),
    401: errorResponses[401],
  },
});

export const organisationRoutes = new OpenAPIHono<ApiEnv>().openapi(list, async (c) =>
  c.json({ items: await listOrganisations(c.get("context")) }, 200),
);
