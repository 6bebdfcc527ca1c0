import { requireRole } from "@linkwork/core/actor";
import { allocateReferral } from "@linkwork/core/allocation/allocate";
import { listAllocationOptions } from "@linkwork/core/allocation/options";
import type { Command } from "@linkwork/core/referral/domain/lifecycle";
import {
  AllocateRequest,
  CloseRequest,
  DeclineRequest,
  ReopenRequest,
  SignpostRequest,
  TriageRequest,
  VersionOnly,
  WithdrawRequest,
} from "@linkwork/core/referral/requests";
import { Referral } from "@linkwork/core/referral/schema";
import { transitionReferral } from "@linkwork/core/referral/transition";
import type { Role } from "@linkwork/core/user/role";
import * as z from "zod";
import type { ApiEnv } from "../env";
import { createRoute, OpenApiRoutes } from "../openapi-routes";
import { errorResponses, json, ReferralIdParam } from "../schemas";

const AllocationOptions = z
  .object({
    options: z.array(
      z.object({
        organisationId: z.string(),
        name: z.string(),
        eligible: z.boolean(),
        score: z.number(),
        freeCapacity: z.number().int(),
        reasons: z.array(z.string()),
        notEligibleBecause: z
          .array(z.string())
          .meta({ description: "The eligibility rules it fails; empty when eligible" }),
      }),
    ),
  })
  .meta({ id: "AllocationOptions" });

function actionRoute<Body extends z.ZodType>(path: string, summary: string, body: Body) {
  return createRoute({
    method: "post",
    path: `/referrals/{id}/${path}`,
    tags: ["referral workflow"],
    summary,
    request: {
      params: ReferralIdParam,
      body: { required: true, content: { "application/json": { schema: body } } },
    },
    responses: {
      200: json(Referral, "The referral after the change"),
      400: errorResponses[400],
      401: errorResponses[401],
      403: errorResponses[403],
      404: errorResponses[404],
      409: errorResponses[409],
    },
  });
}

/** One lifecycle action: the roles that may ever take it, and how its body becomes a command. */
function action<Body extends z.ZodType<{ version: number }>>(
  app: OpenApiRoutes<ApiEnv>,
  path: string,
  summary: string,
  body: Body,
  roles: Role[],
  toCommand: (input: z.output<Body>) => Command,
) {
  return app.openapi(actionRoute(path, summary, body), async (c) => {
    const user = requireRole(...roles);
    // The route is built from a generic body schema, which Hono's inference cannot follow; both
    // targets were validated against that route before this runs.
    const valid = c.req.valid.bind(c.req) as unknown as ((target: "json") => z.output<Body>) &
      ((target: "param") => { id: string });
    const input = valid("json");
    const referral = await transitionReferral(
      c.get("context"),
      user,
      valid("param").id,
      input.version,
      toCommand(input),
    );
    return c.json(referral, 200);
  });
}

const options = createRoute({
  method: "get",
  path: "/referrals/{id}/allocation-options",
  tags: ["referral workflow"],
  summary: "Every provider ranked for this referral, with plain-English reasons, best first",
  request: { params: ReferralIdParam },
  responses: {
    200: json(AllocationOptions, "The ranked options"),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

const allocate = actionRoute("allocate", "Allocate a triaged referral to an organisation", AllocateRequest);

export const referralActionRoutes = new OpenApiRoutes<ApiEnv>()
  .openapi(options, async (c) => {
    const user = requireRole("triage_coordinator", "mdt_member");
    const { options: ranked } = await listAllocationOptions(c.get("context"), user, c.req.valid("param").id);
    return c.json({ options: ranked }, 200);
  })
  .openapi(allocate, async (c) => {
    const user = requireRole("triage_coordinator", "mdt_member");
    const referral = await allocateReferral(
      c.get("context"),
      user,
      c.req.valid("param").id,
      c.req.valid("json"),
    );
    return c.json(referral, 200);
  });

action(
  referralActionRoutes,
  "triage",
  "Set priority, support level, needs and risks",
  TriageRequest,
  ["triage_coordinator"],
  (input) => ({
    type: "triage",
    priority: input.priority,
    supportLevel: input.supportLevel,
    needs: input.needs,
    riskFlags: input.riskFlags,
    note: input.note,
  }),
);
action(
  referralActionRoutes,
  "signpost",
  "Close at triage with information only",
  SignpostRequest,
  ["triage_coordinator"],
  (input) => ({
    type: "signpost",
    note: input.note,
  }),
);
action(
  referralActionRoutes,
  "accept",
  "Accept an allocation for your organisation",
  VersionOnly,
  ["org_manager", "link_worker"],
  () => ({
    type: "accept",
  }),
);
action(
  referralActionRoutes,
  "decline",
  "Decline an allocation: it returns to triage with the reason",
  DeclineRequest,
  ["org_manager", "link_worker"],
  (input) => ({
    type: "decline",
    reason: input.reason,
  }),
);
action(
  referralActionRoutes,
  "claim",
  "Pick up an accepted referral onto your caseload",
  VersionOnly,
  ["link_worker"],
  () => ({
    type: "claim",
  }),
);
action(
  referralActionRoutes,
  "first-contact",
  "Record first contact with the person",
  VersionOnly,
  ["link_worker"],
  () => ({
    type: "record_first_contact",
  }),
);
action(
  referralActionRoutes,
  "close",
  "Close the referral with a reason",
  CloseRequest,
  ["link_worker", "org_manager"],
  (input) => ({
    type: "close",
    reason: input.reason,
    note: input.note,
  }),
);
action(
  referralActionRoutes,
  "reopen",
  "Reopen a closed referral",
  ReopenRequest,
  ["link_worker", "org_manager", "triage_coordinator"],
  (input) => ({
    type: "reopen",
    reason: input.reason,
  }),
);
action(
  referralActionRoutes,
  "withdraw",
  "Withdraw a referral before triage",
  WithdrawRequest,
  ["referrer", "triage_coordinator", "mdt_member"],
  (input) => ({
    type: "withdraw",
    reason: input.reason,
  }),
);
