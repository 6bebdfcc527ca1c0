import { requireRole } from "@linkwork/core/actor";
import { addConnection } from "@linkwork/core/casework/add-connection";
import { caseIdPattern } from "@linkwork/core/casework/ids";
import { raiseEscalation } from "@linkwork/core/casework/raise-escalation";
import { readCase } from "@linkwork/core/casework/read-case";
import { recordContact } from "@linkwork/core/casework/record-contact";
import { resolveEscalation } from "@linkwork/core/casework/resolve-escalation";
import { savePlan } from "@linkwork/core/casework/save-plan";
import {
  Case,
  ConnectionRequest,
  ConnectionSaved,
  ConnectionStatusRequest,
  ContactCreated,
  ContactRequest,
  EscalationRequest,
  EscalationSaved,
  PlanRequest,
  ResolveEscalationRequest,
} from "@linkwork/core/casework/schema";
import { updateConnection } from "@linkwork/core/casework/update-connection";
import { requireCapability, requireReferralCapability } from "@linkwork/core/policy/capability";
import { readCaseworkSettings, setCaseworkSettings } from "@linkwork/core/settings/casework";
import { CaseworkSettings, CaseworkSettingsRequest } from "@linkwork/core/settings/casework-schema";
import * as z from "zod";
import type { ApiEnv } from "../env";
import { createRoute, OpenApiRoutes } from "../openapi-routes";
import { errorResponses, json, ReferralId, ReferralIdParam } from "../schemas";

function caseId(kind: "connection" | "escalation", example: string) {
  return z
    .string({ error: `Give the ${kind}'s id` })
    .max(64, { error: `A ${kind} id is ${example.length} characters long`, abort: true })
    .regex(
      caseIdPattern(kind),
      `A ${kind} id is ${example.split("_")[0]}_ and 26 letters and digits, like ${example}`,
    )
    .meta({ example, param: { name: `${kind}Id`, in: "path" } });
}

const referralParam = ReferralId.meta({ param: { name: "id", in: "path" } });
const ConnectionParams = z.object({
  id: referralParam,
  connectionId: caseId("connection", "cnx_01jd8k2m3n4p5q6r7s8t9v0w1x"),
});
const EscalationParams = z.object({
  id: referralParam,
  escalationId: caseId("escalation", "esc_01jd8k2m3n4p5q6r7s8t9v0w1x"),
});

const tags = ["casework"];
const body = <Schema extends z.ZodType>(schema: Schema) => ({
  required: true,
  content: { "application/json": { schema } },
});
const writeErrors = {
  400: errorResponses[400],
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
  409: errorResponses[409],
};

const read = createRoute({
  method: "get",
  path: "/referrals/{id}/case",
  tags,
  summary: "The case beside a referral, for its link worker and their manager",
  request: { params: ReferralIdParam },
  responses: {
    200: json(Case, "The case"),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

const contact = createRoute({
  method: "post",
  path: "/referrals/{id}/contacts",
  tags,
  summary: "Record a contact or an attempt; the first contact made makes the referral active",
  request: { params: ReferralIdParam, body: body(ContactRequest) },
  responses: { 201: json(ContactCreated, "The contact and the case after it"), ...writeErrors },
});

const plan = createRoute({
  method: "put",
  path: "/referrals/{id}/plan",
  tags,
  summary: "Save what matters to the person and their wellbeing plan, as a new version",
  request: { params: ReferralIdParam, body: body(PlanRequest) },
  responses: { 200: json(Case, "The case with the plan saved"), ...writeErrors },
});

const connect = createRoute({
  method: "post",
  path: "/referrals/{id}/connections",
  tags,
  summary: "Record an onward referral to a service",
  request: { params: ReferralIdParam, body: body(ConnectionRequest) },
  responses: { 201: json(ConnectionSaved, "The connection and the case after it"), ...writeErrors },
});

const moveConnection = createRoute({
  method: "patch",
  path: "/referrals/{id}/connections/{connectionId}",
  tags,
  summary: "Change a connection's status",
  request: { params: ConnectionParams, body: body(ConnectionStatusRequest) },
  responses: { 200: json(ConnectionSaved, "The connection and the case after it"), ...writeErrors },
});

const escalate = createRoute({
  method: "post",
  path: "/referrals/{id}/escalations",
  tags,
  summary: "Refer back to the GP, to adult social care, or raise a safeguarding concern",
  request: { params: ReferralIdParam, body: body(EscalationRequest) },
  responses: { 201: json(EscalationSaved, "The escalation and the case after it"), ...writeErrors },
});

const resolve = createRoute({
  method: "post",
  path: "/referrals/{id}/escalations/{escalationId}/resolve",
  tags,
  summary: "Resolve an open escalation, saying how",
  request: { params: EscalationParams, body: body(ResolveEscalationRequest) },
  responses: { 200: json(EscalationSaved, "The escalation resolved"), ...writeErrors },
});

const readSettings = createRoute({
  method: "get",
  path: "/settings/casework",
  tags: ["settings"],
  summary: "The area's casework settings: wellbeing measures, when to prompt unable to contact",
  responses: {
    200: json(CaseworkSettings, "The settings in force"),
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

const writeSettings = createRoute({
  method: "put",
  path: "/settings/casework",
  tags: ["settings"],
  summary: "Set the area's casework settings",
  request: { body: body(CaseworkSettingsRequest) },
  responses: {
    200: json(CaseworkSettings, "The settings now in force"),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    409: errorResponses[409],
  },
});

export const caseworkRoutes = new OpenApiRoutes<ApiEnv>()
  .openapi(read, async (c) => {
    const user = await requireReferralCapability(c.get("context"), "read_case");
    return c.json(await readCase(c.get("context"), user, c.req.valid("param").id), 200);
  })
  .openapi(contact, async (c) => {
    const user = await requireReferralCapability(c.get("context"), "record_contact");
    const result = await recordContact(c.get("context"), user, c.req.valid("param").id, c.req.valid("json"));
    return c.json(result, 201);
  })
  .openapi(plan, async (c) => {
    const user = await requireReferralCapability(c.get("context"), "update_plan");
    return c.json(await savePlan(c.get("context"), user, c.req.valid("param").id, c.req.valid("json")), 200);
  })
  .openapi(connect, async (c) => {
    const user = await requireReferralCapability(c.get("context"), "record_connection");
    const result = await addConnection(c.get("context"), user, c.req.valid("param").id, c.req.valid("json"));
    return c.json(result, 201);
  })
  .openapi(moveConnection, async (c) => {
    const user = await requireReferralCapability(c.get("context"), "record_connection");
    const { id, connectionId } = c.req.valid("param");
    return c.json(await updateConnection(c.get("context"), user, id, connectionId, c.req.valid("json")), 200);
  })
  .openapi(escalate, async (c) => {
    const user = await requireReferralCapability(c.get("context"), "escalate");
    const result = await raiseEscalation(
      c.get("context"),
      user,
      c.req.valid("param").id,
      c.req.valid("json"),
    );
    return c.json(result, 201);
  })
  .openapi(resolve, async (c) => {
    const user = requireRole("link_worker", "org_manager", "triage_coordinator");
    const { id, escalationId } = c.req.valid("param");
    return c.json(
      await resolveEscalation(c.get("context"), user, id, escalationId, c.req.valid("json")),
      200,
    );
  })
  .openapi(readSettings, async (c) => {
    requireRole("admin", "triage_coordinator", "org_manager", "link_worker");
    return c.json(await readCaseworkSettings(c.get("context")), 200);
  })
  .openapi(writeSettings, async (c) => {
    requireCapability("change_settings");
    return c.json(await setCaseworkSettings(c.get("context"), c.req.valid("json")), 200);
  });
