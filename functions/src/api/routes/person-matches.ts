import { confirmPossibleMatch } from "@linkwork/core/person/confirm-match";
import { readPossibleMatch } from "@linkwork/core/person/read-match";
import { PersonMatch } from "@linkwork/core/person/requests";
import { splitPossibleMatch } from "@linkwork/core/person/split-match";
import { requireCapability } from "@linkwork/core/policy/capability";
import { VersionOnly } from "@linkwork/core/referral/requests";
import { Referral } from "@linkwork/core/referral/schema";
import type { ApiEnv } from "../env";
import { createRoute, OpenApiRoutes } from "../openapi-routes";
import { errorResponses, json, ReferralIdParam } from "../schemas";

const read = createRoute({
  method: "get",
  path: "/referrals/{id}/person-match",
  tags: ["person matching"],
  summary: "The referral's possible match, with the existing person's stored details beside it",
  request: { params: ReferralIdParam },
  responses: {
    200: json(PersonMatch, "The possible match"),
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

function decision(path: "confirm" | "split", summary: string) {
  return createRoute({
    method: "post",
    path: `/referrals/{id}/person-match/${path}`,
    tags: ["person matching"],
    summary,
    request: {
      params: ReferralIdParam,
      body: { required: true, content: { "application/json": { schema: VersionOnly } } },
    },
    responses: {
      200: json(Referral, "The referral after the decision"),
      400: errorResponses[400],
      401: errorResponses[401],
      403: errorResponses[403],
      404: errorResponses[404],
      409: errorResponses[409],
    },
  });
}

const confirm = decision("confirm", "Confirm the referral is about the person already known");
const split = decision("split", "Say the referral is about someone else: it keeps its own person record");

export const personMatchRoutes = new OpenApiRoutes<ApiEnv>()
  .openapi(read, async (c) => {
    const user = requireCapability("person_records");
    return c.json(await readPossibleMatch(c.get("context"), user, c.req.valid("param").id), 200);
  })
  .openapi(confirm, async (c) => {
    const user = requireCapability("person_records");
    const { version } = c.req.valid("json");
    return c.json(await confirmPossibleMatch(c.get("context"), user, c.req.valid("param").id, version), 200);
  })
  .openapi(split, async (c) => {
    const user = requireCapability("person_records");
    const { version } = c.req.valid("json");
    return c.json(await splitPossibleMatch(c.get("context"), user, c.req.valid("param").id, version), 200);
  });
