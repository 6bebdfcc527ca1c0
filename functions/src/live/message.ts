import { WebSocketEvent, type WebSocketResult } from "./web-socket-event";

/**
 * `$default`: the board sends nothing but pings (to keep an idle connection open and to check it
 * is alive), answered with a pong; notices only go the other way, so anything else is ignored.
 */
export async function handler(input: unknown): Promise<WebSocketResult> {
  const event = WebSocketEvent.parse(input);
  if (isPing(event.body)) {
    return { statusCode: 200, body: JSON.stringify({ type: "pong", at: new Date().toISOString() }) };
  }
  return { statusCode: 200 };
}

function isPing(body: string | null | undefined): boolean {
  if (!body) return false;
  try {
    const message: unknown = JSON.parse(body);
    return typeof message === "object" && message !== null && "type" in message && message.type === "ping";
  } catch {
    return false;
  }
}
