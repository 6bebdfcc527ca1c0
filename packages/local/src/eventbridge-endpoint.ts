import { Hono } from "hono";
import { z } from "zod";
import type { BusEntry, LocalBus } from "./event-bus";

/** Where the relay's EventBridge client sends PutEvents locally (EVENTBRIDGE_ENDPOINT). */
export const eventBridgePath = "/local/eventbridge";

const jsonContentType = "application/x-amz-json-1.1";

/** Timestamps in the JSON 1.1 protocol are epoch seconds; ISO strings are accepted too. */
const Timestamp = z.union([z.number(), z.string()]).transform((value, context) => {
  const date = typeof value === "number" ? new Date(value * 1000) : new Date(value);
  if (Number.isNaN(date.getTime())) {
    context.addIssue({ code: "custom", message: "Time is not a timestamp" });
    return z.NEVER;
  }
  return date;
});

const PutEventsRequest = z.object({
  Entries: z
    .array(
      z.object({
        Source: z.string().optional(),
        DetailType: z.string().optional(),
        Detail: z.string().optional(),
        EventBusName: z.string().optional(),
        Time: Timestamp.optional(),
        Resources: z.array(z.string()).optional(),
      }),
    )
    .min(1, "Entries must hold at least one entry")
    .max(10, "Entries must hold at most 10 entries"),
});

/** The endpoint's routes; the SDK posts to the endpoint URL with a trailing slash. */
export function eventBridgeRoutes(bus: LocalBus) {
  const handle = (c: { req: { raw: Request } }) => handleEventBridgeRequest(bus, c.req.raw);
  return new Hono().post(eventBridgePath, handle).post(`${eventBridgePath}/`, handle);
}

/**
 * Answers the AWS SDK's PutEvents call (JSON 1.1: `x-amz-target: AWSEvents.PutEvents`) by handing
 * the entries to the local bus. Only PutEvents is implemented; the relay needs nothing else.
 */
export async function handleEventBridgeRequest(bus: LocalBus, request: Request): Promise<Response> {
  const target = request.headers.get("x-amz-target");
  if (target !== "AWSEvents.PutEvents") {
    return awsError(400, "UnknownOperationException", `The local bus does not implement ${target ?? "that"}`);
  }
  const body: unknown = await request.json().catch(() => undefined);
  const parsed = PutEventsRequest.safeParse(body);
  if (!parsed.success) {
    return awsError(400, "ValidationException", parsed.error.issues.map((issue) => issue.message).join("; "));
  }
  const entries: BusEntry[] = parsed.data.Entries.map((entry) => ({
    source: entry.Source,
    detailType: entry.DetailType,
    detail: entry.Detail,
    eventBusName: entry.EventBusName,
    time: entry.Time,
    resources: entry.Resources,
  }));
  let results: ReturnType<LocalBus["put"]>;
  try {
    results = bus.put(entries);
  } catch (error) {
    return awsError(
      503,
      "ServiceUnavailableException",
      error instanceof Error ? error.message : String(error),
    );
  }
  const Entries = results.map((result) =>
    "eventId" in result
      ? { EventId: result.eventId }
      : { ErrorCode: result.errorCode, ErrorMessage: result.errorMessage },
  );
  const FailedEntryCount = results.filter((result) => !("eventId" in result)).length;
  return new Response(JSON.stringify({ FailedEntryCount, Entries }), {
    status: 200,
    headers: { "content-type": jsonContentType },
  });
}

function awsError(status: number, type: string, message: string): Response {
  return new Response(JSON.stringify({ __type: type, message }), {
    status,
    headers: { "content-type": jsonContentType, "x-amzn-errortype": type },
  });
}
