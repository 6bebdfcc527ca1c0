import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Context } from "@linkwork/core/context";
import { publicRoutes } from "@linkwork/core/http/public-routes";
import {
  fromHttpApiResult,
  type HttpApiHandler,
  invokeHttpApi,
  toHttpApiEvent,
} from "@linkwork/local/api-gateway";
import { createDevIssuer } from "@linkwork/local/dev-issuer";
import { createLocalBus } from "@linkwork/local/event-bus";
import { createLocalApp } from "@linkwork/local/server";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { Hono } from "hono";
import { handle } from "hono/aws-lambda";
import { describe, expect, it } from "vitest";

describe("the API Gateway (HTTP API, payload 2.0) emulation", () => {
  it("gives the handler the path, query string, headers and cookies as API Gateway does", async () => {
    const event = await toHttpApiEvent(
      new Request("http://localhost:3000/api/referrals?status=received&tag=a&tag=b&empty=", {
        headers: { Authorization: "Bearer token", Cookie: "theme=dark; session=abc", "X-Trace": "1" },
      }),
      "203.0.113.9",
    );
    expect(event).toMatchObject({
      version: "2.0",
      routeKey: "$default",
      rawPath: "/api/referrals",
      rawQueryString: "status=received&tag=a&tag=b&empty=",
      queryStringParameters: { status: "received", tag: "a,b", empty: "" },
      cookies: ["theme=dark", "session=abc"],
      isBase64Encoded: false,
      requestContext: {
        http: { method: "GET", path: "/api/referrals", sourceIp: "203.0.113.9" },
        stage: "$default",
      },
    });
    expect(event.headers).toMatchObject({ authorization: "Bearer token", "x-trace": "1" });
    expect(event.headers.cookie).toBeUndefined();
    expect(event.body).toBeUndefined();
  });

  it("leaves out query parameters when there are none", async () => {
    const event = await toHttpApiEvent(new Request("http://localhost/api/health"));
    expect(event.queryStringParameters).toBeUndefined();
    expect(event.rawQueryString).toBe("");
  });

  it("passes text bodies as text and anything else base64-encoded", async () => {
    const json = await toHttpApiEvent(
      new Request("http://localhost/api/referrals", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"name":"Zoë"}',
      }),
    );
    expect(json).toMatchObject({ body: '{"name":"Zoë"}', isBase64Encoded: false });

    const bytes = Uint8Array.from([0, 159, 255, 10]);
    const binary = await toHttpApiEvent(
      new Request("http://localhost/api/upload", {
        method: "PUT",
        headers: { "content-type": "application/octet-stream" },
        body: bytes,
      }),
    );
    expect(binary.isBase64Encoded).toBe(true);
    expect(Buffer.from(binary.body ?? "", "base64")).toEqual(Buffer.from(bytes));
  });

  it("turns the handler's result into the response: status, headers, cookies and body", async () => {
    const response = fromHttpApiResult({
      statusCode: 201,
      headers: { "content-type": "application/json", location: "/api/referrals/ref_1" },
      cookies: ["a=1; Path=/", "b=2; Path=/"],
      body: '{"id":"ref_1"}',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe("/api/referrals/ref_1");
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(await response.json()).toEqual({ id: "ref_1" });
  });

  it("decodes base64 results and sends no body with a 204", async () => {
    const png = Buffer.from([137, 80, 78, 71]);
    const image = fromHttpApiResult({
      statusCode: 200,
      headers: { "content-type": "image/png" },
      body: png.toString("base64"),
      isBase64Encoded: true,
    });
    expect(Buffer.from(await image.arrayBuffer())).toEqual(png);

    const empty = fromHttpApiResult({ statusCode: 204, body: "" });
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe("");
  });

  it("treats a result without a status code as a JSON body, as API Gateway does", async () => {
    const response = fromHttpApiResult({ status: "ok" } as never);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("round-trips a request through a Hono Lambda handler like the API's", async () => {
    const app = new Hono()
      .post("/echo/:id", async (c) => {
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        c.header("x-query", c.req.queries("tag")?.join("|") ?? "");
        c.header("x-length", String(bytes.length));
        return c.body(bytes, 202, { "content-type": "application/octet-stream" });
      })
      .get("/text", (c) => c.text(`hello ${c.req.query("name")}`));
    const handler = handle(app) as unknown as (event: APIGatewayProxyEventV2) => Promise<never>;

    const bytes = Uint8Array.from([1, 2, 3, 250]);
    const echoed = await invokeHttpApi(
      handler,
      new Request("http://localhost/echo/42?tag=x&tag=y", {
        method: "POST",
        headers: { "content-type": "application/octet-stream" },
        body: bytes,
      }),
    );
    expect(echoed.status).toBe(202);
    expect(echoed.headers.get("x-length")).toBe("4");
    expect(echoed.headers.get("x-query")).toBe("x|y");
    expect(Buffer.from(await echoed.arrayBuffer())).toEqual(Buffer.from(bytes));

    const text = await invokeHttpApi(handler, new Request("http://localhost/text?name=R%C3%A9a"));
    expect(await text.text()).toBe("hello Réa");
  });
});

const bus = () =>
  createLocalBus({
    busName: "b",
    region: "eu-west-2",
    subscriptions: [],
    loadHandler: async () => () => undefined,
  });

/** The runtime's front door around a stand-in Lambda that records what reached it. */
async function frontDoor(api: HttpApiHandler = async (event) => ({ statusCode: 200, body: event.rawPath })) {
  const keyFile = join(tmpdir(), `linkwork-gateway-key-${randomUUID()}.json`);
  const issuer = await createDevIssuer({ issuer: "http://localhost/auth/dev", keyFile });
  const invoked: string[] = [];
  const app = createLocalApp({
    api: async (event, context) => {
      invoked.push(`${event.requestContext.http.method} ${event.rawPath}`);
      return api(event, context);
    },
    issuer,
    context: {} as Context,
    bus: bus(),
    webRoot: "/nonexistent",
    log: () => undefined,
  });
  const request = (path: string, init: RequestInit = {}) =>
    app.request(path, init, { incoming: { socket: { remoteAddress: "127.0.0.1" } } });
  return { issuer, keyFile, invoked, request };
}

const someone = {
  userId: "usr_anyone",
  email: "anyone@linkwork.test",
  name: "Any One",
  roles: ["referrer" as const],
  organisationId: "org_riverside",
};

describe("the runtime's HTTP front door", () => {
  it("answers a Lambda that throws with API Gateway's bare 500", async () => {
    const door = await frontDoor(async () => {
      throw new Error("boom");
    });
    const response = await door.request("/api/referrals", {
      headers: { authorization: `Bearer ${await door.issuer.sign(someone)}` },
    });
    expect(door.invoked).toEqual(["GET /api/referrals"]);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: "Internal Server Error" });
  });
});

describe("the JWT authorizer in front of the API, as deployed", () => {
  it("refuses a request without a token with API Gateway's 401, before the Lambda runs", async () => {
    const door = await frontDoor();
    const withoutToken: Record<string, string>[] = [{}, { authorization: "" }];
    for (const headers of withoutToken) {
      const response = await door.request("/api/referrals?status=received", { headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: "Unauthorized" });
      expect(response.headers.get("www-authenticate")).toBe("Bearer");
      expect(response.headers.get("apigw-requestid")).toBeTruthy();
    }
    expect(door.invoked).toEqual([]);
  });

  const badTokens: [string, (door: Awaited<ReturnType<typeof frontDoor>>) => Promise<string>, RegExp][] = [
    ["an expired token", (door) => door.issuer.sign(someone, { expiresInSeconds: -60 }), /has expired/],
    ["a token that is not a JWT", async () => "not-a-token", /not a valid JWT/],
    [
      "a token signed by another key",
      async () => (await createDevIssuer({ issuer: "http://localhost/auth/dev" })).sign(someone),
      /signature is invalid/,
    ],
    [
      "a token for another audience",
      async (door) =>
        (
          await createDevIssuer({ issuer: door.issuer.issuer, audience: "elsewhere", keyFile: door.keyFile })
        ).sign(someone),
      /valid audience/,
    ],
    [
      "a token from another issuer",
      async (door) =>
        (await createDevIssuer({ issuer: "https://elsewhere.example", keyFile: door.keyFile })).sign(someone),
      /valid issuer/,
    ],
    [
      "a token not valid until later",
      (door) => door.issuer.sign(someone, { notBefore: new Date(Date.now() + 5 * 60_000) }),
      /not valid yet/,
    ],
  ];

  it.each(badTokens)(
    "refuses %s with API Gateway's 401, naming the problem",
    async (_name, tokenFor, problem) => {
      const door = await frontDoor();
      const response = await door.request("/api/me", {
        headers: { authorization: `Bearer ${await tokenFor(door)}` },
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: "Unauthorized" });
      const challenge = response.headers.get("www-authenticate") ?? "";
      expect(challenge).toMatch(/^Bearer scope="" error="invalid_token" error_description="/);
      expect(challenge).toMatch(problem);
      expect(door.invoked).toEqual([]);
    },
  );

  it("lets a valid token through to the Lambda, with or without the Bearer prefix", async () => {
    const door = await frontDoor();
    const token = await door.issuer.sign(someone);
    expect((await door.request("/api/me", { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      200,
    );
    expect((await door.request("/api/caseload", { headers: { authorization: token } })).status).toBe(200);
    expect(door.invoked).toEqual(["GET /api/me", "GET /api/caseload"]);
  });

  it("leaves the public routes and CORS preflights open, and only those", async () => {
    const door = await frontDoor();
    for (const route of publicRoutes) {
      const [method, path] = route.split(" ") as [string, string];
      const response = await door.request(path, {
        method,
        ...(method === "POST" ? { body: "{}", headers: { "content-type": "application/json" } } : {}),
      });
      expect(response.status, route).toBe(200);
    }
    expect((await door.request("/api/referrals", { method: "OPTIONS" })).status).toBe(200);
    expect((await door.request("/api/health/", { method: "GET" })).status).toBe(401);
    expect((await door.request("/api/self-referrals", { method: "GET" })).status).toBe(401);
    expect(door.invoked).toEqual([...publicRoutes, "OPTIONS /api/referrals"]);
  });
});
