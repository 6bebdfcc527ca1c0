import { allocateReferral } from "@linkwork/core/allocation/allocate";
import { listAllocationOptions } from "@linkwork/core/allocation/options";
import { requireReferralCapability } from "@linkwork/core/policy/capability";
import { assignReferral } from "@linkwork/core/referral/assign";
import type { Command, CommandType } from "@linkwork/core/referral/domain/lifecycle";
import {
  AllocateRequest,
  AssignRequest,
  CloseRequest,
  DeclineRequest,
  ReassignRequest,
  ReopenRequest,
  ReturnToTriageRequest,
  SignpostRequest,
  TriageRequest,
  VersionOnly,
  WithdrawRequest,
} from "@linkwork/core/referral/requests";
import { Referral } from "@linkwork/core/referral/schema";
import { transitionReferral } from "@linkwork/core/referral/transition";
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

/**
 * One lifecycle action: the command it gives (whoever may never give it is refused by the policy
 * before anything is read), and how its body becomes that command.
 */
function action<Type extends CommandType, Body extends z.ZodType<{ version: number }>>(
  app: OpenApiRoutes<ApiEnv>,
  path: string,
  summary: string,
  body: Body,
  type: Type,
  toCommand: (input: z.output<Body>) => Extract<Command, { type: Type }>,
) {
  return app.openapi(actionRoute(path, summary, body), async (c) => {
    const user = await requireReferralCapability(c.get("context"), type);
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
const assign = actionRoute(
  "assign",
  "Put an accepted referral on a named link worker's caseload (organisation manager; within their caseload limit)",
  AssignRequest,
);
const reassign = actionRoute(
  "reassign",
  "Move a case to another link worker of the organisation, with the reason (organisation manager; within their caseload limit)",
  ReassignRequest,
);

export const referralActionRoutes = new OpenApiRoutes<ApiEnv>()
  .openapi(options, async (c) => {
    const user = await requireReferralCapability(c.get("context"), "allocate");
    const { options: ranked } = await listAllocationOptions(c.get("context"), user, c.req.valid("param").id);
    return c.json({ options: ranked }, 200);
  })
  .openapi(allocate, async (c) => {
    const user = await requireReferralCapability(c.get("context"), "allocate");
    const referral = await allocateReferral(
      c.get("context"),
      user,
      c.req.valid("param").id,
      c.req.valid("json"),
    );
    return c.json(referral, 200);
  })
  .openapi(assign, async (c) => {
    const user = await requireReferralCapability(c.get("context"), "assign");
    const { version, linkWorkerId } = c.req.valid("json");
    const referral = await assignReferral(c.get("context"), user, c.req.valid("param").id, {
      type: "assign",
      version,
      linkWorkerId,
    });
    return c.json(referral, 200);
  })
  .openapi(reassign, async (c) => {
    const user = await requireReferralCapability(c.get("context"), "reassign");
    const { version, linkWorkerId, reason } = c.req.valid("json");
    const referral = await assignReferral(c.get("context"), user, c.req.valid("param").id, {
      type: "reassign",
      version,
      linkWorkerId,
      reason,
    });
    return c.json(referral, 200);
  });

action(
  referralActionRoutes,
  "triage",
  "Set priority, support level, needs and risks",
  TriageRequest,
  "triage",
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
  "signpost",
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
  "accept",
  () => ({
    type: "accept",
  }),
);
action(
  referralActionRoutes,
  "decline",
  "Decline an allocation: it returns to triage with the reason",
  DeclineRequest,
  "decline",
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
  "claim",
  () => ({
    type: "claim",
  }),
);
action(
  referralActionRoutes,
  "first-contact",
  "Record first contact with the person",
  VersionOnly,
  "record_first_contact",
  () => ({
    type: "record_first_contact",
  }),
);
action(
  referralActionRoutes,
  "return-to-triage",
  "Take a referral back from the organisation to the triage queue, with the reason; any caseload place is released",
  ReturnToTriageRequest,
  "return_to_triage",
  (input) => ({
    type: "return_to_triage",
    reason: input.reason,
  }),
);
action(
  referralActionRoutes,
  "close",
  "Close the referral with a reason and the summary the message back carries",
  CloseRequest,
  "close",
  (input) => ({
    type: "close",
    reason: input.reason,
    summary: input.summary,
    note: input.note,
  }),
);
action(referralActionRoutes, "reopen", "Reopen a closed referral", ReopenRequest, "reopen", (input) => ({
  type: "reopen",
  reason: input.reason,
}));
action(
  referralActionRoutes,
  "withdraw",
  "Withdraw a referral before triage",
  WithdrawRequest,
  "withdraw",
  (input) => ({
    type: "withdraw",
    reason: input.reason,
  }),
);
