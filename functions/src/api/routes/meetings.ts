import { addAgendaItem } from "@linkwork/core/mdt/add-item";
import { getAgendaItem } from "@linkwork/core/mdt/get-item";
import { getMeeting } from "@linkwork/core/mdt/get-meeting";
import { listCandidates } from "@linkwork/core/mdt/list-candidates";
import { readMeetingCapacity } from "@linkwork/core/mdt/meeting-capacity";
import { recordAttendance } from "@linkwork/core/mdt/record-attendance";
import {
  AgendaItem,
  AgendaItemCreate,
  AgendaItemUpdate,
  AttendanceUpdate,
  CandidateList,
  Meeting,
  MeetingCapacity,
  MeetingVersion,
} from "@linkwork/core/mdt/schema";
import { startMeeting } from "@linkwork/core/mdt/start-meeting";
import { updateAgendaItem } from "@linkwork/core/mdt/update-item";
import type { ApiEnv } from "../env";
import { createRoute, OpenApiRoutes } from "../openapi-routes";
import { errorResponses, json, MeetingIdParam, MeetingItemParams } from "../schemas";

const memberRead = { 400: errorResponses[400], 401: errorResponses[401], 404: errorResponses[404] };
const memberChange = { ...memberRead, 403: errorResponses[403], 409: errorResponses[409] };

const get = createRoute({
  method: "get",
  path: "/meetings/{meetingId}",
  tags: ["meetings"],
  summary: "A meeting and its board, for members of its MDT",
  request: { params: MeetingIdParam },
  responses: { 200: json(Meeting, "The meeting with its agenda"), ...memberRead },
});

const start = createRoute({
  method: "post",
  path: "/meetings/{meetingId}/start",
  tags: ["meetings"],
  summary: "Start the meeting (the chair; a planned meeting may start early)",
  request: {
    params: MeetingIdParam,
    body: { required: true, content: { "application/json": { schema: MeetingVersion } } },
  },
  responses: { 200: json(Meeting, "The meeting, in progress"), ...memberChange },
});

const attendance = createRoute({
  method: "put",
  path: "/meetings/{meetingId}/attendance",
  tags: ["meetings"],
  summary: "Record who is at the meeting (any member, before, during or after it)",
  request: {
    params: MeetingIdParam,
    body: { required: true, content: { "application/json": { schema: AttendanceUpdate } } },
  },
  responses: { 200: json(Meeting, "The meeting with its attendance"), ...memberChange },
});

const candidates = createRoute({
  method: "get",
  path: "/meetings/{meetingId}/candidates",
  tags: ["meetings"],
  summary: "People to consider for the agenda: flagged open referrals at the MDT's practices, with why",
  request: { params: MeetingIdParam },
  responses: { 200: json(CandidateList, "The candidates not yet on the agenda"), ...memberRead },
});

const capacity = createRoute({
  method: "get",
  path: "/meetings/{meetingId}/capacity",
  tags: ["meetings"],
  summary: "Free places across providers and link workers, for the board's capacity strip",
  request: { params: MeetingIdParam },
  responses: { 200: json(MeetingCapacity, "Free capacity now"), ...memberRead },
});

const addItem = createRoute({
  method: "post",
  path: "/meetings/{meetingId}/items",
  tags: ["meetings"],
  summary:
    "List a person on the agenda with why (any member); the SBAR is pre-filled from the record when not given",
  request: {
    params: MeetingIdParam,
    body: { required: true, content: { "application/json": { schema: AgendaItemCreate } } },
  },
  responses: { 201: json(AgendaItem, "The agenda item"), ...memberChange },
});

const getItem = createRoute({
  method: "get",
  path: "/meetings/{meetingId}/items/{itemId}",
  tags: ["meetings"],
  summary: "One agenda item, opened from the board",
  request: { params: MeetingItemParams },
  responses: { 200: json(AgendaItem, "The agenda item"), ...memberRead },
});

const updateItem = createRoute({
  method: "patch",
  path: "/meetings/{meetingId}/items/{itemId}",
  tags: ["meetings"],
  summary: "Move an item on the board, or edit its SBAR or time slot (any member, until the meeting ends)",
  request: {
    params: MeetingItemParams,
    body: { required: true, content: { "application/json": { schema: AgendaItemUpdate } } },
  },
  responses: { 200: json(AgendaItem, "The agenda item after the change"), ...memberChange },
});

export const meetingRoutes = new OpenApiRoutes<ApiEnv>()
  .openapi(get, async (c) =>
    c.json(await getMeeting(c.get("context"), c.get("user"), c.req.valid("param").meetingId), 200),
  )
  .openapi(start, async (c) =>
    c.json(
      await startMeeting(
        c.get("context"),
        c.get("user"),
        c.req.valid("param").meetingId,
        c.req.valid("json"),
      ),
      200,
    ),
  )
  .openapi(attendance, async (c) =>
    c.json(
      await recordAttendance(
        c.get("context"),
        c.get("user"),
        c.req.valid("param").meetingId,
        c.req.valid("json"),
      ),
      200,
    ),
  )
  .openapi(candidates, async (c) =>
    c.json(
      { items: await listCandidates(c.get("context"), c.get("user"), c.req.valid("param").meetingId) },
      200,
    ),
  )
  .openapi(capacity, async (c) =>
    c.json(await readMeetingCapacity(c.get("context"), c.get("user"), c.req.valid("param").meetingId), 200),
  )
  .openapi(addItem, async (c) => {
    const { meetingId } = c.req.valid("param");
    const item = await addAgendaItem(c.get("context"), c.get("user"), meetingId, c.req.valid("json"));
    c.header("Location", `/api/meetings/${meetingId}/items/${item.id}`);
    return c.json(item, 201);
  })
  .openapi(getItem, async (c) => {
    const { meetingId, itemId } = c.req.valid("param");
    return c.json(await getAgendaItem(c.get("context"), c.get("user"), meetingId, itemId), 200);
  })
  .openapi(updateItem, async (c) => {
    const { meetingId, itemId } = c.req.valid("param");
    return c.json(
      await updateAgendaItem(c.get("context"), c.get("user"), meetingId, itemId, c.req.valid("json")),
      200,
    );
  });
