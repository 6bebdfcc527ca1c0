import { endMeeting } from "@linkwork/core/mdt/end-meeting";
import { recordOutcome } from "@linkwork/core/mdt/outcome-record";
import { AgendaItem, Meeting, MeetingVersion, OutcomeCreate } from "@linkwork/core/mdt/schema";
import { readMeetingSummary } from "@linkwork/core/mdt/summary";
import { OutcomeSummary } from "@linkwork/core/mdt/summary-schema";
import type { ApiEnv } from "../env";
import { createRoute, OpenApiRoutes } from "../openapi-routes";
import { errorResponses, json, MeetingIdParam, MeetingItemParams } from "../schemas";

const memberRead = { 400: errorResponses[400], 401: errorResponses[401], 404: errorResponses[404] };
const memberChange = { ...memberRead, 403: errorResponses[403], 409: errorResponses[409] };

const outcome = createRoute({
  method: "post",
  path: "/meetings/{meetingId}/items/{itemId}/outcome",
  tags: ["meetings"],
  summary:
    "Record the decision for one person and the actions agreed, each with an owner organisation, an optional owner in it and a due date (any member, until the meeting ends; once per item)",
  request: {
    params: MeetingItemParams,
    body: { required: true, content: { "application/json": { schema: OutcomeCreate } } },
  },
  responses: { 200: json(AgendaItem, "The agenda item, decided"), ...memberChange },
});

const end = createRoute({
  method: "post",
  path: "/meetings/{meetingId}/end",
  tags: ["meetings"],
  summary:
    "End the meeting (the chair): every item not decided moves to the MDT's next planned meeting, one cadence later if none is planned; each person's referral hears what was decided",
  request: {
    params: MeetingIdParam,
    body: { required: true, content: { "application/json": { schema: MeetingVersion } } },
  },
  responses: { 200: json(Meeting, "The meeting, ended"), ...memberChange },
});

const summary = createRoute({
  method: "get",
  path: "/meetings/{meetingId}/summary",
  tags: ["meetings"],
  summary: "What the meeting decided for each person, or where they were carried over to (members)",
  request: { params: MeetingIdParam },
  responses: { 200: json(OutcomeSummary, "The summary, one line per person"), ...memberRead },
});

export const meetingOutcomeRoutes = new OpenApiRoutes<ApiEnv>()
  .openapi(outcome, async (c) => {
    const { meetingId, itemId } = c.req.valid("param");
    return c.json(
      await recordOutcome(c.get("context"), c.get("user"), meetingId, itemId, c.req.valid("json")),
      200,
    );
  })
  .openapi(end, async (c) =>
    c.json(
      await endMeeting(c.get("context"), c.get("user"), c.req.valid("param").meetingId, c.req.valid("json")),
      200,
    ),
  )
  .openapi(summary, async (c) =>
    c.json(await readMeetingSummary(c.get("context"), c.get("user"), c.req.valid("param").meetingId), 200),
  );
