import { ActionComplete, completeAction } from "@linkwork/core/mdt/actions-complete";
import { listMyActions } from "@linkwork/core/mdt/actions-list";
import { Action } from "@linkwork/core/mdt/schema";
import * as z from "zod";
import type { ApiEnv } from "../env";
import { createRoute, OpenApiRoutes } from "../openapi-routes";
import { ActionIdParam, errorResponses, json } from "../schemas";

const ActionList = z.object({ items: z.array(Action) }).meta({
  id: "ActionList",
  description: "Open actions soonest due first, then those done in the last 30 days",
});

const list = createRoute({
  method: "get",
  path: "/actions",
  tags: ["actions"],
  summary: "Actions from MDT meetings owned by the caller or their organisation",
  responses: { 200: json(ActionList, "The caller's actions"), 401: errorResponses[401] },
});

const complete = createRoute({
  method: "post",
  path: "/actions/{actionId}/complete",
  tags: ["actions"],
  summary: "Mark an action done (its owner, or anyone in the organisation that owns it)",
  request: {
    params: ActionIdParam,
    body: { required: true, content: { "application/json": { schema: ActionComplete } } },
  },
  responses: {
    200: json(Action, "The action, done"),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

export const actionRoutes = new OpenApiRoutes<ApiEnv>()
  .openapi(list, async (c) => c.json({ items: await listMyActions(c.get("context"), c.get("user")) }, 200))
  .openapi(complete, async (c) =>
    c.json(
      await completeAction(
        c.get("context"),
        c.get("user"),
        c.req.valid("param").actionId,
        c.req.valid("json"),
      ),
      200,
    ),
  );
