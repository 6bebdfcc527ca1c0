import { Role } from "@linkwork/core/user/role";
import * as z from "zod";
import type { ApiEnv } from "../env";
import { createRoute, OpenApiRoutes } from "../openapi-routes";
import { errorResponses, json } from "../schemas";

const Me = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(Role),
    organisationId: z.string(),
  })
  .meta({ id: "Me" });

const me = createRoute({
  method: "get",
  path: "/me",
  tags: ["identity"],
  responses: { 200: json(Me, "The signed-in user"), 401: errorResponses[401] },
});

export const meRoutes = new OpenApiRoutes<ApiEnv>().openapi(me, (c) => {
  const user = c.get("user");
  return c.json(
    {
      id: user.userId,
      email: user.email,
      name: user.name,
      roles: user.roles,
      organisationId: user.organisationId,
    },
    200,
  );
});
