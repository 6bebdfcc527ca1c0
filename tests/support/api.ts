import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import type { HttpApiHandler } from "@linkwork/local/api-gateway";
import { invokeHttpApi } from "@linkwork/local/api-gateway";
import { createDevIssuer, type DevIdentity } from "@linkwork/local/dev-issuer";
import { Hono } from "hono";
import { createTestContext } from "./database";

export interface CallOptions {
  as?: DevIdentity;
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** The caller's address as API Gateway reports it. */
  sourceIp?: string;
}

/**
 * The real API Lambda handler on a fresh table, called through the same API Gateway emulation the
 * local runtime uses, with tokens from a dev issuer whose JWKS is served over HTTP.
 */
export async function createApiHarness(
  options: {
    /** Where the handler reaches DynamoDB, when not directly: a recording proxy, for one. */
    handlerDynamodbEndpoint?: string;
  } = {},
) {
  const database = await createTestContext();
  const jwksServer = new Hono();
  const server = serve({ fetch: jwksServer.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const keyFile = join(tmpdir(), `linkwork-test-key-${randomUUID()}.json`);
  const issuer = await createDevIssuer({ issuer: `${base}/auth/dev`, keyFile });
  jwksServer.get("/auth/dev/jwks.json", (c) => c.json(issuer.jwks()));

  Object.assign(process.env, {
    TABLE_NAME: database.tableName,
    DYNAMODB_ENDPOINT: options.handlerDynamodbEndpoint ?? database.endpoint,
    JWT_ISSUER: issuer.issuer,
    JWT_AUDIENCE: issuer.audience,
    JWKS_URL: `${base}/auth/dev/jwks.json`,
    // Deployed and local APIs always know where boards open their socket; nothing listens here.
    LIVE_URL: "ws://127.0.0.1:9/live",
  });
  const { handler } = (await import("@linkwork/functions/api/index")) as { handler: HttpApiHandler };

  async function call(method: string, path: string, options: CallOptions = {}) {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token ?? (options.as ? await issuer.sign(options.as) : undefined);
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers["content-type"] ??= "application/json";
    }
    const response = await invokeHttpApi(
      handler,
      new Request(`https://api.linkwork.test${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
      }),
      options.sourceIp,
    );
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  return {
    ...database,
    issuer,
    /** The signing key, so a test can mint tokens with other issuers or audiences from it. */
    keyFile,
    call,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type ApiHarness = Awaited<ReturnType<typeof createApiHarness>>;
