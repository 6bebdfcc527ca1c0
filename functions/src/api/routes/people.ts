import { readPerson } from "@linkwork/core/person/read-person";
import { PersonRecord, PersonUpdateRequest } from "@linkwork/core/person/requests";
import { updatePerson } from "@linkwork/core/person/update-person";
import { requireCapability } from "@linkwork/core/policy/capability";
import type { ApiEnv } from "../env";
import { createRoute, OpenApiRoutes } from "../openapi-routes";
import { errorResponses, json, PersonIdParam } from "../schemas";

const read = createRoute({
  method: "get",
  path: "/people/{personId}",
  tags: ["person matching"],
  summary: "A person's stored record, with the version a change must name",
  request: { params: PersonIdParam },
  responses: {
    200: json(PersonRecord, "The person's record"),
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

const update = createRoute({
  method: "patch",
  path: "/people/{personId}",
  tags: ["person matching"],
  summary: "Correct a person's stored details (referrals never change them)",
  request: {
    params: PersonIdParam,
    body: { required: true, content: { "application/json": { schema: PersonUpdateRequest } } },
  },
  responses: {
    200: json(PersonRecord, "The person's record after the change"),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

export const peopleRoutes = new OpenApiRoutes<ApiEnv>()
  .openapi(read, async (c) => {
    const user = requireCapability("person_records");
    return c.json(await readPerson(c.get("context"), user, c.req.valid("param").personId), 200);
  })
  .openapi(update, async (c) => {
    const user = requireCapability("person_records");
    const person = await updatePerson(
      c.get("context"),
      user,
      c.req.valid("param").personId,
      c.req.valid("json"),
    );
    return c.json(person, 200);
  });
