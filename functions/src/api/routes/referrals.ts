import { requireReferralCapability } from "@linkwork/core/policy/capability";
import { listReferrals } from "@linkwork/core/referral/list";
import { readReferral } from "@linkwork/core/referral/read";
import { receiveReferral } from "@linkwork/core/referral/receive";
import {
  NeedDomain,
  Priority,
  Referral,
  ReferralCreate,
  ReferralList,
  ReferralStatus,
  RiskFlag,
} from "@linkwork/core/referral/schema";
import { readTimeline } from "@linkwork/core/timeline/read";
import * as z from "zod";
import type { ApiEnv } from "../env";
import { createRoute, OpenApiRoutes } from "../openapi-routes";
import { errorResponses, json, OrganisationId, ReferralIdParam } from "../schemas";

const TimelineList = z
  .object({
    items: z.array(
      z.object({
        id: z.string().meta({ description: "The id of the event this entry records" }),
        type: z.string(),
        at: z.iso.datetime(),
        actorId: z.string().optional(),
        actorName: z.string().optional().meta({ description: "Who did it, as they were named then" }),
        data: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .meta({ id: "Timeline" });

const create = createRoute({
  method: "post",
  path: "/referrals",
  tags: ["referrals"],
  summary: "Refer someone for social prescribing",
  request: {
    headers: z.object({
      "idempotency-key": z
        .string()
        .min(1)
        .max(200)
        .optional()
        .meta({ description: "Repeat a request safely: the same key and body return the same referral" }),
    }),
    body: { required: true, content: { "application/json": { schema: ReferralCreate } } },
  },
  responses: {
    201: json(Referral, "The referral, received"),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    409: errorResponses[409],
  },
});

const list = createRoute({
  method: "get",
  path: "/referrals",
  tags: ["referrals"],
  summary: "Referrals the caller may see: the triage queue for coordinators",
  request: {
    query: z.object({
      status: ReferralStatus.optional(),
      organisationId: OrganisationId.optional(),
      priority: Priority.optional(),
      riskFlag: RiskFlag.optional(),
      need: NeedDomain.optional(),
      overdue: z
        .enum(["true", "false"])
        .optional()
        .transform((value) => (value === undefined ? undefined : value === "true"))
        .meta({ description: "Only referrals whose service-level timer has run out" }),
      cursor: z.string().optional(),
    }),
  },
  responses: {
    200: json(ReferralList, "One page of referrals"),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

const get = createRoute({
  method: "get",
  path: "/referrals/{id}",
  tags: ["referrals"],
  request: { params: ReferralIdParam },
  responses: {
    200: json(Referral, "The referral"),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

const timeline = createRoute({
  method: "get",
  path: "/referrals/{id}/timeline",
  tags: ["referrals"],
  summary: "What has happened to a referral, oldest first",
  request: { params: ReferralIdParam },
  responses: {
    200: json(TimelineList, "The referral's timeline"),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

export const referralRoutes = new OpenApiRoutes<ApiEnv>()
  .openapi(create, async (c) => {
    const user = await requireReferralCapability(c.get("context"), "create");
    const key = c.req.valid("header")["idempotency-key"];
    const { referral, replayed } = await receiveReferral(
      c.get("context"),
      user,
      c.req.valid("json"),
      key ? { idempotencyKey: key } : {},
    );
    if (replayed) c.header("Idempotent-Replayed", "true");
    c.header("Location", `/api/referrals/${referral.id}`);
    return c.json(referral, 201);
  })
  .openapi(list, async (c) =>
    c.json(await listReferrals(c.get("context"), c.get("user"), c.req.valid("query")), 200),
  )
  .openapi(get, async (c) =>
    c.json(await readReferral(c.get("context"), c.get("user"), c.req.valid("param").id), 200),
  )
  .openapi(timeline, async (c) =>
    c.json({ items: await readTimeline(c.get("context"), c.get("user"), c.req.valid("param").id) }, 200),
  );
