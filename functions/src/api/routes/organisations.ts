import { listOrganisations } from "@linkwork/core/organisation/list";
import { OrganisationSummary } from "@linkwork/core/organisation/schema";
import * as z from "zod";
import type { ApiEnv } from "../env";
import { createRoute, OpenApiRoutes } from "../openapi-routes";
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

export const organisationRoutes = new OpenApiRoutes<ApiEnv>().openapi(list, async (c) =>
  c.json({ items: await listOrganisations(c.get("context")) }, 200),
);
