import {
  ApiGatewayManagementApiClient,
  PostToConnectionCommand,
} from "@aws-sdk/client-apigatewaymanagementapi";
import { type AwsRequestLimits, awsClientLimits } from "../util/aws-request-limits";

/** Sends to open WebSocket connections through API Gateway's `@connections` API (or the local one). */
export interface ConnectionPoster {
  /** "gone" when the connection no longer exists (API Gateway answers 410). */
  post(connectionId: string, message: unknown): Promise<"sent" | "gone">;
}

export function createConnectionPoster(options: {
  /** The API's `https://{id}.execute-api.{region}.amazonaws.com/{stage}`, or the local endpoint. */
  endpoint: string;
  region?: string;
  limits?: AwsRequestLimits;
}): ConnectionPoster {
  // API Gateway is only ever https; plain http is the local runtime's endpoint on loopback.
  const local = options.endpoint.startsWith("http://");
  const client = new ApiGatewayManagementApiClient({
    endpoint: options.endpoint,
    region: options.region ?? "eu-west-2",
    ...awsClientLimits(options.limits),
    // The local endpoint accepts any credentials; these never leave the machine.
    ...(local ? { credentials: { accessKeyId: "local", secretAccessKey: "local" } } : {}),
  });
  return {
    async post(connectionId, message) {
      try {
        await client.send(
          new PostToConnectionCommand({
            ConnectionId: connectionId,
            Data: new TextEncoder().encode(JSON.stringify(message)),
          }),
        );
        return "sent";
      } catch (error) {
        if (isGone(error)) return "gone";
        throw error;
      }
    },
  };
}

/** By name: the client may carry its own copy of the service's error classes. */
function isGone(error: unknown): boolean {
  return error instanceof Error && error.name === "GoneException";
}
