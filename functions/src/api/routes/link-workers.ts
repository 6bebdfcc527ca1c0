import { requireCapability } from "@linkwork/core/policy/capability";
import { readCaseload } from "@linkwork/core/referral/caseload";
import { CapacityRequest } from "@linkwork/core/referral/requests";
import { Referral } from "@linkwork/core/referral/schema";
import { listLinkWorkers, setCaseloadLimit } from "@linkwork/core/user/capacity";
import * as z from "zod";
import type { ApiEnv } from "../env";
import { createRoute, OpenApiRoutes } from "../openapi-routes";
import { errorResponses, json, OrganisationIdParam, UserIdParam } from "../schemas";

const LinkWorker = z
  .object({
    userId: z.string(),
    name: z.string(),
    caseloadLimit: z.number().int(),
    activeCaseload: z.number().int(),
    freeCapacity: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: "LinkWorkerCapacity" });

const capacity = createRoute({
  method: "put",
  path: "/link-workers/{userId}/capacity",
  tags: ["capacity"],
  summary: "Set a link worker's active caseload limit",
  request: {
    params: UserIdParam,
    body: { required: true, content: { "application/json": { schema: CapacityRequest } } },
  },
  responses: {
    200: json(LinkWorker, "The link worker's capacity"),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

const workers = createRoute({
  method: "get",
  path: "/organisations/{organisationId}/link-workers",
  tags: ["capacity"],
  summary: "An organisation's link workers and their caseloads",
  request: {
    params: OrganisationIdParam,
  },
  responses: {
    200: json(z.object({ items: z.array(LinkWorker) }), "The link workers"),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

const caseload = createRoute({
  method: "get",
  path: "/caseload",
  tags: ["capacity"],
  summary: "The signed-in link worker's active caseload",
  responses: {
    200: json(
      z.object({
        items: z.array(Referral),
        caseloadLimit: z.number().int(),
        activeCaseload: z.number().int(),
      }),
      "The caseload",
    ),
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

export const linkWorkerRoutes = new OpenApiRoutes<ApiEnv>()
  .openapi(capacity, async (c) => {
    const manager = requireCapability("set_caseload_limit");
    const updated = await setCaseloadLimit(
      c.get("context"),
      manager,
      c.req.valid("param").userId,
      c.req.valid("json"),
    );
    return c.json(updated, 200);
  })
  .openapi(workers, async (c) => {
    const user = requireCapability("list_link_workers");
    return c.json(
      { items: await listLinkWorkers(c.get("context"), user, c.req.valid("param").organisationId) },
      200,
    );
  })
  .openapi(caseload, async (c) =>
    c.json(await readCaseload(c.get("context"), requireCapability("read_caseload")), 200),
  );
