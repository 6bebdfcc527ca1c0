import type { Context } from "@linkwork/core/context";
import { fromHttpApiResult, invokeHttpApi, toHttpApiEvent } from "@linkwork/local/api-gateway";
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

describe("the runtime's HTTP front door", () => {
  it("answers a Lambda that throws with API Gateway's bare 500", async () => {
    const app = createLocalApp({
      api: async () => {
        throw new Error("boom");
      },
      issuer: await createDevIssuer({ issuer: "http://localhost/auth/dev" }),
      context: {} as Context,
      bus: createLocalBus({
        busName: "b",
        region: "eu-west-2",
        subscriptions: [],
        loadHandler: async () => () => undefined,
      }),
      webRoot: "/nonexistent",
      log: () => undefined,
    });
    const response = await app.request("/api/referrals");
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: "Internal Server Error" });
  });
});
