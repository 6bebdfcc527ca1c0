import { requireRole } from "@linkwork/core/actor";
import { listEscalations } from "@linkwork/core/casework/list-escalations";
import { EscalationQueue } from "@linkwork/core/casework/schema";
import type { ApiEnv } from "../env";
import { createRoute, OpenApiRoutes } from "../openapi-routes";
import { errorResponses, json } from "../schemas";

const list = createRoute({
  method: "get",
  path: "/escalations",
  tags: ["casework"],
  summary: "Open escalations: a triage coordinator's area, an organisation manager's own organisation",
  responses: {
    200: json(EscalationQueue, "Open escalations, oldest first"),
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

export const escalationRoutes = new OpenApiRoutes<ApiEnv>().openapi(list, async (c) => {
  const user = requireRole("triage_coordinator", "org_manager");
  return c.json(await listEscalations(c.get("context"), user), 200);
});
