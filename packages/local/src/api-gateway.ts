import { randomUUID } from "node:crypto";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context as LambdaContext } from "aws-lambda";

export type HttpApiHandler = (
  event: APIGatewayProxyEventV2,
  context: LambdaContext,
) => Promise<APIGatewayProxyResultV2>;

const textTypes = /^(text\/|application\/(json|problem\+json|javascript|xml)|image\/svg)/;

/** Turns an HTTP request into the event API Gateway's HTTP API (payload 2.0) gives a Lambda. */
export async function toHttpApiEvent(
  request: Request,
  sourceIp = "127.0.0.1",
): Promise<APIGatewayProxyEventV2> {
  const url = new URL(request.url);
  const headerEntries: Array<[string, string]> = [];
  request.headers.forEach((value, name) => {
    if (name !== "cookie") headerEntries.push([name, value]);
  });
  const headers = Object.fromEntries(headerEntries);
  const cookies = request.headers.get("cookie")?.split(/;\s*/).filter(Boolean);
  // HTTP APIs join repeated parameters with commas, as they do repeated headers.
  const parameters = new Map<string, string>();
  for (const [name, value] of url.searchParams) {
    const earlier = parameters.get(name);
    parameters.set(name, earlier === undefined ? value : `${earlier},${value}`);
  }
  const query = Object.fromEntries(parameters);
  const bytes = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  const contentType = request.headers.get("content-type") ?? "";
  const isText = bytes && (contentType === "" || textTypes.test(contentType));
  const now = new Date();
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(cookies?.length ? { cookies } : {}),
    ...(url.search ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: "000000000000",
      apiId: "local",
      domainName: url.host,
      domainPrefix: url.hostname.split(".")[0] ?? "localhost",
      http: {
        method: request.method,
        path: url.pathname,
        protocol: "HTTP/1.1",
        sourceIp,
        userAgent: request.headers.get("user-agent") ?? "",
      },
      requestId: randomUUID(),
      routeKey: "$default",
      stage: "$default",
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(bytes ? { body: isText ? bytes.toString("utf8") : bytes.toString("base64") } : {}),
    isBase64Encoded: Boolean(bytes && !isText),
  };
}

/** Turns a Lambda's HTTP API result back into an HTTP response. */
export function fromHttpApiResult(result: APIGatewayProxyResultV2): Response {
  // Without a statusCode, API Gateway takes the whole result as a JSON body with status 200.
  if (typeof result === "string" || !("statusCode" in result) || result.statusCode === undefined) {
    const body = typeof result === "string" ? result : JSON.stringify(result);
    return new Response(body, { status: 200, headers: { "content-type": "application/json" } });
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(result.headers ?? {})) headers.set(name, String(value));
  for (const cookie of result.cookies ?? []) headers.append("set-cookie", cookie);
  const body =
    result.body === undefined
      ? null
      : result.isBase64Encoded
        ? Buffer.from(result.body, "base64")
        : result.body;
  const status = result.statusCode;
  return new Response(status === 204 || status === 304 ? null : body, { status, headers });
}

export function lambdaContext(functionName: string): LambdaContext {
  const deadline = Date.now() + 30_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:eu-west-2:000000000000:function:${functionName}`,
    memoryLimitInMB: "1024",
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: "local",
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** Calls an HTTP API Lambda handler as API Gateway would, for one request. */
export async function invokeHttpApi(
  handler: HttpApiHandler,
  request: Request,
  sourceIp?: string,
): Promise<Response> {
  const event = await toHttpApiEvent(request, sourceIp);
  return fromHttpApiResult(await handler(event, lambdaContext("api")));
}
