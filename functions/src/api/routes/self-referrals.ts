import { listPractices } from "@linkwork/core/practice/list";
import { SelfReferralCreate } from "@linkwork/core/referral/schema";
import { selfRefer } from "@linkwork/core/referral/self-refer";
import { getConnInfo } from "hono/aws-lambda";
import * as z from "zod";
import type { ApiEnv } from "../env";
import { createRoute, OpenApiRoutes } from "../openapi-routes";
import { errorResponses, json } from "../schemas";

const create = createRoute({
  method: "post",
  path: "/self-referrals",
  tags: ["referrals"],
  summary: "Refer yourself: no sign-in needed",
  security: [],
  request: {
    headers: z.object({
      "idempotency-key": z
        .string()
        .min(16, "Use a random Idempotency-Key of at least 16 characters, such as a UUID")
        .max(200, "Use an Idempotency-Key of at most 200 characters")
        .optional()
        .meta({
          description:
            "Repeat a request safely: the same key and answers, from the same address, return the same reference and count once against the rate limit; the same key with other answers is 409. Use a new random key (a UUID) for each set of answers.",
        }),
    }),
    body: { required: true, content: { "application/json": { schema: SelfReferralCreate } } },
  },
  responses: {
    202: json(
      z.object({ reference: z.string() }).meta({ id: "SelfReferralReceipt" }),
      "Received; quote the reference",
    ),
    400: errorResponses[400],
    409: errorResponses[409],
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

export const selfReferralRoutes = new OpenApiRoutes<ApiEnv>()
  .openapi(create, async (c) => {
    const sourceIp = getConnInfo(c).remote.address ?? "unknown";
    const { "idempotency-key": idempotencyKey } = c.req.valid("header");
    return c.json(await selfRefer(c.get("context"), c.req.valid("json"), { sourceIp, idempotencyKey }), 202);
  })
  .openapi(practices, async (c) => c.json({ items: await listPractices(c.get("context")) }, 200));
