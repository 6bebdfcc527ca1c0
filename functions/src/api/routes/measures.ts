import { useUser } from "@linkwork/core/actor";
import { Measure, MeasureRequest, MeasureTools } from "@linkwork/core/casework/measure-schema";
import { listMeasureTools } from "@linkwork/core/casework/measure-tools";
import { recordMeasure } from "@linkwork/core/casework/record-measure";
import { Case } from "@linkwork/core/casework/schema";
import { requireReferralCapability } from "@linkwork/core/policy/capability";
import * as z from "zod";
import type { ApiEnv } from "../env";
import { createRoute, OpenApiRoutes } from "../openapi-routes";
import { errorResponses, json, ReferralIdParam } from "../schemas";

const MeasureRecorded = z.object({ measure: Measure, case: Case }).meta({ id: "MeasureRecorded" });

const record = createRoute({
  method: "post",
  path: "/referrals/{id}/measures",
  tags: ["casework"],
  summary: "Record an outcome measure (SWEMWBS, ONS4 or need domains) at baseline, a review or the end",
  description:
    "The assigned link worker, while the case is open. A wellbeing measure the area has not turned on is refused (400); a second baseline of a tool, or a second final in one period of support, is 409 invalid_transition.",
  request: {
    params: ReferralIdParam,
    body: { required: true, content: { "application/json": { schema: MeasureRequest } } },
  },
  responses: {
    201: json(MeasureRecorded, "The measure with its score, and the case after it"),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

const tools = createRoute({
  method: "get",
  path: "/measures/tools",
  tags: ["casework"],
  summary: "The area's outcome measures with their questions and answer scales",
  description:
    "SWEMWBS wording comes from the deployer's content pack; while the shipped placeholder is in place its `placeholder` is true.",
  responses: {
    200: json(MeasureTools, "The tools"),
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

export const measureRoutes = new OpenApiRoutes<ApiEnv>()
  .openapi(record, async (c) => {
    const user = await requireReferralCapability(c.get("context"), "record_measure");
    const recorded = await recordMeasure(
      c.get("context"),
      user,
      c.req.valid("param").id,
      c.req.valid("json"),
    );
    return c.json(recorded, 201);
  })
  .openapi(tools, async (c) => c.json(await listMeasureTools(c.get("context"), useUser()), 200));
