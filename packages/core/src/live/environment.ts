// zod/mini: the WebSocket handlers and the notifier parse this at start and need little else of zod.
import * as z from "zod/mini";

const NotifierEnvironment = z.object({
  /** The WebSocket API's `@connections` endpoint: `https://{id}.execute-api.{region}.amazonaws.com/{stage}`. */
  LIVE_CONNECTIONS_ENDPOINT: z.url(),
  AWS_REGION: z._default(z.string(), "eu-west-2"),
});

export function notifierSettingsFromEnvironment(environment: NodeJS.ProcessEnv = process.env) {
  const parsed = NotifierEnvironment.parse(environment);
  return { endpoint: parsed.LIVE_CONNECTIONS_ENDPOINT, region: parsed.AWS_REGION };
}

const TicketEnvironment = z.object({
  /** Where browsers open the WebSocket: `wss://{id}.execute-api.{region}.amazonaws.com/{stage}`, or the local server. */
  LIVE_URL: z.url({ protocol: /^wss?$/ }),
});

export function liveUrlFromEnvironment(environment: NodeJS.ProcessEnv = process.env): string {
  return TicketEnvironment.parse(environment).LIVE_URL;
}
