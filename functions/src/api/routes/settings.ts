import { requireCapability } from "@linkwork/core/policy/capability";
import { ServiceLevelSettingsRequest, ServiceLevelSettingsResponse } from "@linkwork/core/settings/schema";
import { readServiceLevelSettings, setServiceLevelSettings } from "@linkwork/core/settings/service-levels";
import type { ApiEnv } from "../env";
import { createRoute, OpenApiRoutes } from "../openapi-routes";
import { errorResponses, json } from "../schemas";

const read = createRoute({
  method: "get",
  path: "/settings/service-levels",
  tags: ["settings"],
  summary: "The area's service-level timers, in working days",
  responses: {
    200: json(ServiceLevelSettingsResponse, "The settings in force"),
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

const write = createRoute({
  method: "put",
  path: "/settings/service-levels",
  tags: ["settings"],
  summary: "Set the area's service-level timers and closure days",
  request: {
    body: { required: true, content: { "application/json": { schema: ServiceLevelSettingsRequest } } },
  },
  responses: {
    200: json(ServiceLevelSettingsResponse, "The settings now in force"),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    409: errorResponses[409],
  },
});

export const settingsRoutes = new OpenApiRoutes<ApiEnv>()
  .openapi(read, async (c) => {
    requireCapability("read_settings");
    return c.json(await readServiceLevelSettings(c.get("context")), 200);
  })
  .openapi(write, async (c) => {
    requireCapability("change_settings");
    return c.json(await setServiceLevelSettings(c.get("context"), c.req.valid("json")), 200);
  });
