import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { SelfReferralCreate } from "@linkwork/core/referral/schema";
import { selfRefer } from "@linkwork/core/referral/self-refer";
import { getConnInfo } from "hono/aws-lambda";
import { z } from "zod";
import type { ApiEnv } from "../env";
import { errorResponses, json } from "../schemas";

const create = createRoute({
  method: "post",
  path: "/self-referrals",
  tags: ["referrals"],
  summary: "Refer yourself: no sign-in needed",
  security: [],
  request: { body: { required: true, content: { "application/json": { schema: SelfReferralCreate } } } },
  responses: {
    202: json(
      z.object({ reference: z.string() }).meta({ id: "SelfReferralReceipt" }),
      "Received; quote the reference",
    ),
    400: errorResponses[400],
    429: errorResponses[429],
  },
});

export const selfReferralRoutes = new OpenAPIHono<ApiEnv>().openapi(create, async (c) => {
  const sourceIp = getConnInfo(c).remote.address ?? "unknown";
  return c.json(await selfRefer(c.get("context"), c.req.valid("json"), { sourceIp }), 202);
});
