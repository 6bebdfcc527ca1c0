import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { listPractices } from "@linkwork/core/practice/list";
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

const practices = createRoute({
  method: "get",
  path: "/practices",
  tags: ["referrals"],
  summary: "The area's GP practices, for a person to name theirs",
  security: [],
  responses: {
    200: json(
      z
        .object({ items: z.array(z.object({ odsCode: z.string(), name: z.string() })) })
        .meta({ id: "PracticeList" }),
      "The practices, by name",
    ),
  },
});

export const selfReferralRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(create, async (c) => {
    const sourceIp = getConnInfo(c).remote.address ?? "unknown";
    return c.json(await selfRefer(c.get("context"), c.req.valid("json"), { sourceIp }), 202);
  })
  .openapi(practices, async (c) => c.json({ items: await listPractices(c.get("context")) }, 200));
