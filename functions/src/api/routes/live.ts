import { liveUrlFromEnvironment } from "@linkwork/core/live/environment";
import { issueLiveTicket } from "@linkwork/core/live/ticket";
import { idPattern } from "@linkwork/core/util/id";
import * as z from "zod";
import type { ApiEnv } from "../env";
import { createRoute, OpenApiRoutes } from "../openapi-routes";
import { errorResponses, json } from "../schemas";

const example = "mtg_01jd8k2m3n4p5q6r7s8t9v0w1x";

const LiveTicketRequest = z
  .object({
    meetingId: z
      .string({ error: "Give the meeting's id" })
      .max(64, { error: `A meeting id is ${example.length} characters long`, abort: true })
      .regex(idPattern("meeting"), `A meeting id is mtg_ and 26 letters and digits, like ${example}`)
      .meta({ example }),
  })
  .meta({ id: "LiveTicketRequest" });

const LiveTicket = z
  .object({
    url: z.string().meta({
      description: "Open a WebSocket here within a minute; the ticket in it opens one connection only",
    }),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: "LiveTicket" });

const ticket = createRoute({
  method: "post",
  path: "/live/tickets",
  tags: ["live"],
  summary: "A single-use ticket to follow a meeting's board live",
  description:
    'The WebSocket sends JSON text frames `{ type: "meeting.changed", meetingId, at, reason }` whenever the board\'s items, outcomes, attendance or capacity change; refetch the meeting on each. Send `{ "type": "ping" }` to keep it open; it answers `{ "type": "pong" }`.',
  request: {
    body: { required: true, content: { "application/json": { schema: LiveTicketRequest } } },
  },
  responses: {
    200: json(LiveTicket, "Where to connect, and until when the ticket is valid"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

let liveUrl: string | undefined;
const configuredLiveUrl = () => {
  liveUrl ??= liveUrlFromEnvironment();
  return liveUrl;
};

export const liveRoutes = new OpenApiRoutes<ApiEnv>().openapi(ticket, async (c) => {
  const issued = await issueLiveTicket(
    c.get("context"),
    c.get("user"),
    c.req.valid("json").meetingId,
    configuredLiveUrl,
  );
  return c.json(issued, 200);
});
