import { createMdt } from "@linkwork/core/mdt/create-mdt";
import { getMdt } from "@linkwork/core/mdt/get-mdt";
import { listMdts } from "@linkwork/core/mdt/list-mdts";
import { listMeetings } from "@linkwork/core/mdt/list-meetings";
import { planMeeting } from "@linkwork/core/mdt/plan-meeting";
import { Mdt, MdtCreate, MdtList, Meeting, MeetingCreate, MeetingList } from "@linkwork/core/mdt/schema";
import type { ApiEnv } from "../env";
import { createRoute, OpenApiRoutes } from "../openapi-routes";
import { errorResponses, json, MdtIdParam } from "../schemas";

const list = createRoute({
  method: "get",
  path: "/mdts",
  tags: ["mdt"],
  summary: "The caller's MDTs (an admin: every MDT of the area)",
  responses: {
    200: json(MdtList, "The MDTs, by name"),
    401: errorResponses[401],
  },
});

const create = createRoute({
  method: "post",
  path: "/mdts",
  tags: ["mdt"],
  summary: "Set up an MDT (admins): its chair is a member whether or not the members list names them",
  request: { body: { required: true, content: { "application/json": { schema: MdtCreate } } } },
  responses: {
    201: json(Mdt, "The MDT"),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

const get = createRoute({
  method: "get",
  path: "/mdts/{mdtId}",
  tags: ["mdt"],
  summary: "One MDT, for its members and admins",
  request: { params: MdtIdParam },
  responses: {
    200: json(Mdt, "The MDT"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

const meetings = createRoute({
  method: "get",
  path: "/mdts/{mdtId}/meetings",
  tags: ["mdt"],
  summary: "The MDT's meetings without their agendas: upcoming soonest first, then past ones",
  request: { params: MdtIdParam },
  responses: {
    200: json(MeetingList, "The meetings"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

const plan = createRoute({
  method: "post",
  path: "/mdts/{mdtId}/meetings",
  tags: ["mdt"],
  summary: "Plan a meeting of the MDT (its chair, or an admin)",
  request: {
    params: MdtIdParam,
    body: { required: true, content: { "application/json": { schema: MeetingCreate } } },
  },
  responses: {
    201: json(Meeting, "The meeting, planned"),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

export const mdtRoutes = new OpenApiRoutes<ApiEnv>()
  .openapi(list, async (c) => c.json({ items: await listMdts(c.get("context"), c.get("user")) }, 200))
  .openapi(create, async (c) => {
    const mdt = await createMdt(c.get("context"), c.get("user"), c.req.valid("json"));
    c.header("Location", `/api/mdts/${mdt.id}`);
    return c.json(mdt, 201);
  })
  .openapi(get, async (c) =>
    c.json(await getMdt(c.get("context"), c.get("user"), c.req.valid("param").mdtId), 200),
  )
  .openapi(meetings, async (c) =>
    c.json({ items: await listMeetings(c.get("context"), c.get("user"), c.req.valid("param").mdtId) }, 200),
  )
  .openapi(plan, async (c) => {
    const meeting = await planMeeting(
      c.get("context"),
      c.get("user"),
      c.req.valid("param").mdtId,
      c.req.valid("json"),
    );
    c.header("Location", `/api/meetings/${meeting.id}`);
    return c.json(meeting, 201);
  });
