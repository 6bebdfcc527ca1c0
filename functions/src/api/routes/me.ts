import { mdtRelationships } from "@linkwork/core/mdt/relationships";
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
    mdtIds: z.array(z.string()).meta({
      description: "The MDTs the user belongs to: membership is a relationship, not a role",
    }),
  })
  .meta({ id: "Me" });

const me = createRoute({
  method: "get",
  path: "/me",
  tags: ["identity"],
  responses: { 200: json(Me, "The signed-in user"), 401: errorResponses[401] },
});

export const meRoutes = new OpenApiRoutes<ApiEnv>().openapi(me, async (c) => {
  const user = c.get("user");
  const { memberOf } = await mdtRelationships(c.get("context"), user);
  return c.json(
    {
      id: user.userId,
      email: user.email,
      name: user.name,
      roles: user.roles,
      organisationId: user.organisationId,
      mdtIds: memberOf.map((membership) => membership.mdtId),
    },
    200,
  );
});
